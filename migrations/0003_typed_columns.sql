ALTER TABLE "assessment_runs" ADD CONSTRAINT "assessment_runs_step_check" CHECK ("assessment_runs"."step" in ('quality', 'structuring', 'ranking'));--> statement-breakpoint
ALTER TABLE "assessments" ADD CONSTRAINT "assessments_coordinating_body_check" CHECK ("assessments"."coordinating_body" in ('mvd', 'mtszn'));--> statement-breakpoint
ALTER TABLE "assessments" ADD CONSTRAINT "assessments_status_check" CHECK ("assessments"."status" in ('draft', 'finalised'));--> statement-breakpoint
ALTER TABLE "campaigns" ADD CONSTRAINT "campaigns_status_check" CHECK ("campaigns"."status" in ('draft', 'open', 'closed'));--> statement-breakpoint
ALTER TABLE "jobs" ADD CONSTRAINT "jobs_status_check" CHECK ("jobs"."status" in ('queued', 'running', 'done', 'failed'));--> statement-breakpoint
ALTER TABLE "quality_findings" ADD CONSTRAINT "quality_findings_severity_check" CHECK ("quality_findings"."severity" in ('error', 'warning', 'info'));--> statement-breakpoint
ALTER TABLE "submission_revisions" ADD CONSTRAINT "submission_revisions_action_check" CHECK ("submission_revisions"."action" in ('save', 'import', 'submit', 'withdraw', 'return', 'accept'));--> statement-breakpoint
ALTER TABLE "submission_revisions" ADD CONSTRAINT "submission_revisions_status_check" CHECK ("submission_revisions"."status" in ('draft', 'submitted', 'returned', 'accepted'));--> statement-breakpoint
ALTER TABLE "submissions" ADD CONSTRAINT "submissions_status_check" CHECK ("submissions"."status" in ('draft', 'submitted', 'returned', 'accepted'));--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_roles_check" CHECK ("users"."roles" <@ array['admin', 'focal_point', 'expert', 'secretariat']::text[]);