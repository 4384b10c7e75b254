import { lazy } from 'react';
import { Route, Routes } from 'react-router';
import { AccountPage } from './account/AccountPage';
import { AlertsPage } from './alerts/AlertsPage';
import { RequireAuth } from './auth/RequireAuth';
import { SignInPage } from './auth/SignInPage';
import { SignUpPage } from './auth/SignUpPage';
import { AboutPage } from './home/AboutPage';
import { AppLayout } from './layout/AppLayout';
import { NotFoundPage } from './layout/NotFoundPage';
import { MapPage } from './map/MapPage';
import { MessagesPage } from './messages/MessagesPage';
import { ModerationPage } from './moderation/ModerationPage';
import { NotificationsPage } from './notifications/NotificationsPage';
import { EditProjectPage } from './projects/EditProjectPage';
import { ExploreProjectsPage } from './projects/ExploreProjectsPage';
import { MyProjectsPage } from './projects/MyProjectsPage';
import { NewProjectPage } from './projects/NewProjectPage';
import { ProjectDetailPage } from './projects/ProjectDetailPage';
import { WebinarsSection } from './webinars/WebinarsSection';

// WHAMinar pages load on demand (WebinarsSection holds the Suspense boundary).
const WebinarsPage = lazy(() => import('./webinars/WebinarsPage').then((m) => ({ default: m.WebinarsPage })));
const WebinarDetailPage = lazy(() => import('./webinars/WebinarDetailPage').then((m) => ({ default: m.WebinarDetailPage })));
const NewWebinarPage = lazy(() => import('./webinars/NewWebinarPage').then((m) => ({ default: m.NewWebinarPage })));
const EditWebinarPage = lazy(() => import('./webinars/EditWebinarPage').then((m) => ({ default: m.EditWebinarPage })));
const WebinarRegistrationsPage = lazy(() => import('./webinars/WebinarRegistrationsPage').then((m) => ({ default: m.WebinarRegistrationsPage })));

/** Every route of the web app. The map is the home page; what Kindred is and how it works is at /about. */
export function App() {
  return (
    <Routes>
      <Route element={<AppLayout />}>
        <Route index element={<MapPage />} />
        <Route path="about" element={<AboutPage />} />
        <Route path="sign-in" element={<SignInPage />} />
        <Route path="sign-up" element={<SignUpPage />} />
        <Route path="projects" element={<ExploreProjectsPage />} />
        <Route
          path="projects/new"
          element={
            <RequireAuth>
              <NewProjectPage />
            </RequireAuth>
          }
        />
        <Route path="projects/:id" element={<ProjectDetailPage />} />
        <Route
          path="projects/:id/edit"
          element={
            <RequireAuth>
              <EditProjectPage />
            </RequireAuth>
          }
        />
        <Route
          path="my-projects"
          element={
            <RequireAuth>
              <MyProjectsPage />
            </RequireAuth>
          }
        />
        <Route
          path="account"
          element={
            <RequireAuth>
              <AccountPage />
            </RequireAuth>
          }
        />
        <Route
          path="alerts"
          element={
            <RequireAuth>
              <AlertsPage />
            </RequireAuth>
          }
        />
        <Route
          path="messages"
          element={
            <RequireAuth>
              <MessagesPage />
            </RequireAuth>
          }
        />
        <Route
          path="messages/:conversationId"
          element={
            <RequireAuth>
              <MessagesPage />
            </RequireAuth>
          }
        />
        <Route
          path="notifications"
          element={
            <RequireAuth>
              <NotificationsPage />
            </RequireAuth>
          }
        />
        <Route
          path="moderation"
          element={
            <RequireAuth>
              <ModerationPage />
            </RequireAuth>
          }
        />
        <Route path="webinars" element={<WebinarsSection />}>
          <Route index element={<WebinarsPage />} />
          <Route
            path="new"
            element={
              <RequireAuth>
                <NewWebinarPage />
              </RequireAuth>
            }
          />
          <Route path=":id" element={<WebinarDetailPage />} />
          <Route
            path=":id/edit"
            element={
              <RequireAuth>
                <EditWebinarPage />
              </RequireAuth>
            }
          />
          <Route
            path=":id/registrations"
            element={
              <RequireAuth>
                <WebinarRegistrationsPage />
              </RequireAuth>
            }
          />
        </Route>
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
