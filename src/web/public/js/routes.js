// Page table: path pattern, roles allowed to open it, and the page builder.
import { adminCampaignsPage } from './pages/admin-campaigns.js';
import { adminOrganisationsPage } from './pages/admin-organisations.js';
import { adminUsersPage } from './pages/admin-users.js';
import { assessmentPage } from './pages/assessment.js';
import { assessmentsPage } from './pages/assessments.js';
import { boardPage } from './pages/board.js';
import { campaignsPage } from './pages/campaigns.js';
import { historyPage } from './pages/history.js';
import { loginPage } from './pages/login.js';
import { reportsPage } from './pages/reports.js';
import { submissionPage } from './pages/submission.js';
import { notificationsPage } from './pages/notifications.js';

export const routes = [
  { path: '/login', page: loginPage },
  { path: '/campaigns', roles: ['focal_point'], page: campaignsPage },
  { path: '/submissions/:campaignId/:organisationId', roles: ['focal_point', 'expert', 'admin'], page: submissionPage },
  {
    path: '/submissions/:campaignId/:organisationId/history',
    roles: ['focal_point', 'expert', 'admin'],
    page: historyPage,
  },
  { path: '/board', roles: ['expert', 'admin'], page: boardPage },
  { path: '/assessments', roles: ['expert', 'admin'], page: assessmentsPage },
  { path: '/assessments/:id', roles: ['expert', 'admin'], page: assessmentPage },
  { path: '/reports', roles: ['secretariat', 'admin', 'expert'], page: reportsPage },
  { path: '/admin/users', roles: ['admin'], page: adminUsersPage },
  { path: '/admin/organisations', roles: ['admin'], page: adminOrganisationsPage },
  { path: '/admin/campaigns', roles: ['admin'], page: adminCampaignsPage },
  { path: '/notifications', roles: ['focal_point', 'expert', 'secretariat', 'admin'], page: notificationsPage },
];
