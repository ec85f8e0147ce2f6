CREATE TABLE "action_reports" (
	"action_id" uuid NOT NULL,
	"campaign_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"status" text NOT NULL,
	"done" text DEFAULT '' NOT NULL,
	"evidence" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "action_reports_action_id_campaign_id_organisation_id_pk" PRIMARY KEY("action_id","campaign_id","organisation_id"),
	CONSTRAINT "action_reports_status_check" CHECK ("action_reports"."status" in ('not_started', 'in_progress', 'done', 'not_applicable'))
);
--> statement-breakpoint
CREATE TABLE "assessment_publications" (
	"assessment_id" uuid PRIMARY KEY NOT NULL,
	"published_at" timestamp with time zone DEFAULT now() NOT NULL,
	"published_by" uuid
);
--> statement-breakpoint
CREATE TABLE "assessment_specialists" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"assessment_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"field" text NOT NULL,
	"organisation" text,
	"contribution" text NOT NULL,
	"user_id" uuid,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "assessment_specialists_kind_check" CHECK ("assessment_specialists"."kind" in ('specialist', 'scientific_institution', 'researcher', 'ngo', 'international_organisation'))
);
--> statement-breakpoint
CREATE TABLE "assessment_transmittals" (
	"assessment_id" uuid PRIMARY KEY NOT NULL,
	"sent_on" date NOT NULL,
	"outgoing_number" text NOT NULL,
	"files" jsonb NOT NULL,
	"note" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "commission_decisions" (
	"assessment_id" uuid PRIMARY KEY NOT NULL,
	"meeting_on" date NOT NULL,
	"protocol_number" text,
	"decision_kk" text NOT NULL,
	"decision_ru" text NOT NULL,
	"recommendations" jsonb NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "expert_group" (
	"id" text PRIMARY KEY DEFAULT 'standing' NOT NULL,
	"planned_size" integer,
	"meeting_frequency" text,
	"work_format" text,
	"basis" text,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "expert_group_meetings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"assessment_id" uuid,
	"held_on" date NOT NULL,
	"format" text NOT NULL,
	"agenda" text NOT NULL,
	"minutes" text,
	"decisions" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "expert_group_meetings_format_check" CHECK ("expert_group_meetings"."format" in ('in_person', 'online', 'mixed'))
);
--> statement-breakpoint
CREATE TABLE "expert_group_members" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid,
	"name" text NOT NULL,
	"organisation_id" uuid NOT NULL,
	"role" text NOT NULL,
	"joined_on" date NOT NULL,
	"left_on" date,
	"left_reason" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "expert_group_members_role_check" CHECK ("expert_group_members"."role" in ('chair', 'deputy_chair', 'secretary', 'member'))
);
--> statement-breakpoint
CREATE TABLE "meeting_attendance" (
	"meeting_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"status" text NOT NULL,
	CONSTRAINT "meeting_attendance_meeting_id_member_id_pk" PRIMARY KEY("meeting_id","member_id"),
	CONSTRAINT "meeting_attendance_status_check" CHECK ("meeting_attendance"."status" in ('present', 'absent', 'excused'))
);
--> statement-breakpoint
CREATE TABLE "meeting_files" (
	"meeting_id" uuid NOT NULL,
	"name" text NOT NULL,
	"content_type" text NOT NULL,
	"sha256" text NOT NULL,
	"size" integer NOT NULL,
	"content" "bytea" NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "meeting_files_meeting_id_name_pk" PRIMARY KEY("meeting_id","name")
);
--> statement-breakpoint
CREATE TABLE "read_receipts" (
	"assessment_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"organisation_id" uuid,
	"file_name" text NOT NULL,
	"first_read_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_read_at" timestamp with time zone DEFAULT now() NOT NULL,
	"reads" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "read_receipts_assessment_id_user_id_file_name_pk" PRIMARY KEY("assessment_id","user_id","file_name")
);
--> statement-breakpoint
CREATE TABLE "recommendation_actions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"assessment_id" uuid NOT NULL,
	"recommendation_id" text NOT NULL,
	"agency_type" text NOT NULL,
	"text_kk" text NOT NULL,
	"text_ru" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "users" DROP CONSTRAINT "users_roles_check";--> statement-breakpoint
ALTER TABLE "assessments" ADD COLUMN "coordination_override_reason" text;--> statement-breakpoint
ALTER TABLE "action_reports" ADD CONSTRAINT "action_reports_action_id_recommendation_actions_id_fk" FOREIGN KEY ("action_id") REFERENCES "public"."recommendation_actions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_reports" ADD CONSTRAINT "action_reports_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_reports" ADD CONSTRAINT "action_reports_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_reports" ADD CONSTRAINT "action_reports_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_publications" ADD CONSTRAINT "assessment_publications_assessment_id_assessments_id_fk" FOREIGN KEY ("assessment_id") REFERENCES "public"."assessments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_publications" ADD CONSTRAINT "assessment_publications_published_by_users_id_fk" FOREIGN KEY ("published_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_specialists" ADD CONSTRAINT "assessment_specialists_assessment_id_assessments_id_fk" FOREIGN KEY ("assessment_id") REFERENCES "public"."assessments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_specialists" ADD CONSTRAINT "assessment_specialists_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_specialists" ADD CONSTRAINT "assessment_specialists_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_transmittals" ADD CONSTRAINT "assessment_transmittals_assessment_id_assessments_id_fk" FOREIGN KEY ("assessment_id") REFERENCES "public"."assessments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_transmittals" ADD CONSTRAINT "assessment_transmittals_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commission_decisions" ADD CONSTRAINT "commission_decisions_assessment_id_assessments_id_fk" FOREIGN KEY ("assessment_id") REFERENCES "public"."assessments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commission_decisions" ADD CONSTRAINT "commission_decisions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expert_group" ADD CONSTRAINT "expert_group_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expert_group_meetings" ADD CONSTRAINT "expert_group_meetings_assessment_id_assessments_id_fk" FOREIGN KEY ("assessment_id") REFERENCES "public"."assessments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expert_group_meetings" ADD CONSTRAINT "expert_group_meetings_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expert_group_members" ADD CONSTRAINT "expert_group_members_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expert_group_members" ADD CONSTRAINT "expert_group_members_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expert_group_members" ADD CONSTRAINT "expert_group_members_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_attendance" ADD CONSTRAINT "meeting_attendance_meeting_id_expert_group_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."expert_group_meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_attendance" ADD CONSTRAINT "meeting_attendance_member_id_expert_group_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."expert_group_members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_files" ADD CONSTRAINT "meeting_files_meeting_id_expert_group_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."expert_group_meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_files" ADD CONSTRAINT "meeting_files_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "read_receipts" ADD CONSTRAINT "read_receipts_assessment_id_assessments_id_fk" FOREIGN KEY ("assessment_id") REFERENCES "public"."assessments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "read_receipts" ADD CONSTRAINT "read_receipts_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "read_receipts" ADD CONSTRAINT "read_receipts_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recommendation_actions" ADD CONSTRAINT "recommendation_actions_assessment_id_assessments_id_fk" FOREIGN KEY ("assessment_id") REFERENCES "public"."assessments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recommendation_actions" ADD CONSTRAINT "recommendation_actions_agency_type_agency_types_code_fk" FOREIGN KEY ("agency_type") REFERENCES "public"."agency_types"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "action_reports_campaign_org_idx" ON "action_reports" USING btree ("campaign_id","organisation_id");--> statement-breakpoint
CREATE INDEX "assessment_specialists_assessment_idx" ON "assessment_specialists" USING btree ("assessment_id");--> statement-breakpoint
CREATE INDEX "expert_group_meetings_assessment_idx" ON "expert_group_meetings" USING btree ("assessment_id");--> statement-breakpoint
CREATE UNIQUE INDEX "expert_group_members_one_active_user_idx" ON "expert_group_members" USING btree ("user_id") WHERE left_on is null and user_id is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "recommendation_actions_unique_idx" ON "recommendation_actions" USING btree ("assessment_id","recommendation_id","agency_type");--> statement-breakpoint
CREATE INDEX "recommendation_actions_agency_idx" ON "recommendation_actions" USING btree ("agency_type");--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_roles_check" CHECK ("users"."roles" <@ array['admin', 'focal_point', 'expert', 'secretariat', 'specialist']::text[]);