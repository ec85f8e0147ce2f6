// Page table: path pattern, roles allowed to open it, and the page builder.
import { adminCampaignsPage } from './pages/admin-campaigns.js';
import { adminOrganisationsPage } from './pages/admin-organisations.js';
import { adminUsersPage } from './pages/admin-users.js';
import { assessmentPage } from './pages/assessment.js';
import { assessmentsPage } from './pages/assessments.js';
import { boardPage } from './pages/board.js';
import { commissionPage } from './pages/commission.js';
import { expertGroupPage } from './pages/expert-group.js';
import { followUpPage } from './pages/follow-up.js';
import { resultsPage } from './pages/results.js';
import { campaignsPage } from './pages/campaigns.js';
import { historyPage } from './pages/history.js';
import { loginPage } from './pages/login.js';
import { materialsListPage, materialsPage } from './pages/materials.js';
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
  // The cycle after and around the expert group (issue 21).
  { path: '/expert-group', roles: ['admin', 'expert', 'secretariat'], page: expertGroupPage },
  { path: '/commission/:id', roles: ['secretariat', 'expert', 'admin'], page: commissionPage },
  { path: '/materials', roles: ['specialist'], page: materialsListPage },
  { path: '/materials/:id', roles: ['specialist', 'expert', 'admin'], page: materialsPage },
  { path: '/results', roles: ['focal_point', 'secretariat', 'expert', 'admin'], page: resultsPage },
  {
    path: '/follow-up/:campaignId/:organisationId',
    roles: ['focal_point', 'secretariat', 'expert', 'admin'],
    page: followUpPage,
  },
  { path: '/notifications', roles: ['focal_point', 'expert', 'secretariat', 'admin'], page: notificationsPage },
];
