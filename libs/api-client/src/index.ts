/**
 * GraphQL documents and their hand-written result/variable types for the web app.
 * Documents and types only: no React, no client set-up (that lives in apps/web).
 */
export * from './account.types';
export * from './project.types';
export * from './api-error.types';
export * from './map.types';
export * from './alerts.types';
export * from './notifications.types';
export * from './gaps.types';
export * from './conversations.types';
export * from './moderation.types';
export * from './webinars.types';
export * from './fragments.documents';
export * from './auth.documents';
export * from './account.documents';
export * from './projects.documents';
export * from './map.documents';
export * from './alerts.documents';
export * from './notifications.documents';
export * from './gaps.documents';
export * from './conversations.documents';
export * from './moderation.documents';
export * from './webinars.documents';
