import { Route, Routes } from 'react-router';
import { AcceptInvitationPage } from '../modules/platform/auth/AcceptInvitationPage';
import { AuthLayout } from '../modules/platform/auth/AuthLayout';
import { ForgotPasswordPage } from '../modules/platform/auth/ForgotPasswordPage';
import { LogInPage } from '../modules/platform/auth/LogInPage';
import { ResetPasswordPage } from '../modules/platform/auth/ResetPasswordPage';
import { SignUpPage } from '../modules/platform/auth/SignUpPage';
import { SwitchCompanyPage } from '../modules/platform/auth/SwitchCompanyPage';
import { VerifyEmailPage } from '../modules/platform/auth/VerifyEmailPage';
import { HomePage } from '../modules/platform/home/HomePage';
import { settingsRoutes } from '../modules/platform/settings/settings.routes';
import { ModuleGate } from './shell/ModuleGate';
import { AppLayout } from './shell/AppLayout';
import { NotFoundPage } from './shell/NotFoundPage';
import { RequireSession } from './shell/RequireSession';
import { WEB_MODULES } from './web-modules';

export function AppRoutes() {
  return (
    <Routes>
      <Route element={<AuthLayout />}>
        <Route path="/login" element={<LogInPage />} />
        <Route path="/signup" element={<SignUpPage />} />
        <Route path="/forgot-password" element={<ForgotPasswordPage />} />
        <Route path="/reset-password" element={<ResetPasswordPage />} />
        <Route path="/verify-email" element={<VerifyEmailPage />} />
        <Route path="/accept-invitation" element={<AcceptInvitationPage />} />
      </Route>
      {WEB_MODULES.flatMap((module) => (module.publicRoutes ?? []).map((route) => <Route key={route.path} path={route.path} element={route.element} />))}
      <Route
        element={
          <RequireSession>
            <AppLayout />
          </RequireSession>
        }
      >
        <Route index element={<HomePage />} />
        <Route path="/switch-company" element={<SwitchCompanyPage />} />
        {settingsRoutes.map((route) => (
          <Route key={route.path} path={route.path} element={route.element} />
        ))}
        {WEB_MODULES.flatMap((module) =>
          module.routes.map((route) => (
            <Route
              key={route.path}
              path={route.path}
              element={
                <ModuleGate module={module.key} feature={route.feature}>
                  {route.element}
                </ModuleGate>
              }
            />
          )),
        )}
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
