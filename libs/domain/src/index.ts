export * from './themes.constant';
export * from './professions.constant';
export * from './stages.constant';
export * from './limits.constant';
export * from './password.util';
export * from './validation.util';
export * from './messaging.constant';
export * from './webinars.constant';
