// Every module's routes, in one list so the app and the docs see the same set.
import { assessmentsRoutes } from './modules/assessments/assessments.routes.js';
import { campaignsRoutes } from './modules/campaigns/campaigns.routes.js';
import { excelRoutes } from './modules/excel/excel.routes.js';
import { questionnaireRoutes } from './modules/questionnaire/questionnaire.routes.js';
import { submissionsRoutes } from './modules/submissions/submissions.routes.js';
import { auditRoutes } from './modules/audit/audit.routes.js';
import { authRoutes } from './modules/auth/auth.routes.js';
import { healthRoutes } from './modules/health/health.routes.js';
import { organisationsRoutes } from './modules/organisations/organisations.routes.js';
import { referenceRoutes } from './modules/reference/reference.routes.js';
import { scoringRoutes } from './modules/scoring/scoring.routes.js';
import { usersRoutes } from './modules/users/users.routes.js';
import { reportsRoutes } from './modules/reports/reports.routes.js';
import { commissionRoutes } from './modules/commission/commission.routes.js';
import { expertGroupRoutes } from './modules/expert-group/expert-group.routes.js';
import { notificationsRoutes } from './modules/notifications/notifications.routes.js';
import { jobsRoutes } from './modules/jobs/jobs.routes.js';
import type { Routes } from './modules/module.js';

export const moduleRoutes: Routes[] = [
  healthRoutes,
  authRoutes,
  usersRoutes,
  organisationsRoutes,
  referenceRoutes,
  auditRoutes,
  questionnaireRoutes,
  campaignsRoutes,
  submissionsRoutes,
  excelRoutes,
  assessmentsRoutes,
  scoringRoutes,
  reportsRoutes,
  expertGroupRoutes,
  commissionRoutes,
  notificationsRoutes,
  jobsRoutes,
];
