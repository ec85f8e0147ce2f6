CREATE TABLE "notifications" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"event_key" text NOT NULL,
	"kind" text NOT NULL,
	"user_id" uuid NOT NULL,
	"channel" text NOT NULL,
	"lang" text NOT NULL,
	"subject" text NOT NULL,
	"body" text NOT NULL,
	"link" text,
	"status" text DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	"next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone,
	"read_at" timestamp with time zone,
	CONSTRAINT "notifications_channel_check" CHECK ("notifications"."channel" in ('email', 'in_app')),
	CONSTRAINT "notifications_status_check" CHECK ("notifications"."status" in ('pending', 'sent', 'failed', 'skipped')),
	CONSTRAINT "notifications_lang_check" CHECK ("notifications"."lang" in ('kk', 'ru'))
);
--> statement-breakpoint
CREATE TABLE "submission_corrections" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"submission_id" uuid NOT NULL,
	"accepted_revision" integer NOT NULL,
	"revision" integer NOT NULL,
	"reason" text NOT NULL,
	"finding_id" bigint,
	"finding_code" text,
	"requested_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "submission_revisions" DROP CONSTRAINT "submission_revisions_action_check";--> statement-breakpoint
ALTER TABLE "campaigns" ADD COLUMN "requesting_body" text;--> statement-breakpoint
ALTER TABLE "campaigns" ADD COLUMN "outgoing_number" text;--> statement-breakpoint
ALTER TABLE "campaigns" ADD COLUMN "outgoing_date" date;--> statement-breakpoint
ALTER TABLE "campaigns" ADD COLUMN "supersedes_campaign_id" uuid;--> statement-breakpoint
ALTER TABLE "campaigns" ADD COLUMN "supersede_reason" text;--> statement-breakpoint
ALTER TABLE "campaigns" ADD COLUMN "superseded_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "submissions" ADD COLUMN "in_correction" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "lang" text DEFAULT 'ru' NOT NULL;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "email_notifications" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "submission_corrections" ADD CONSTRAINT "submission_corrections_submission_id_submissions_id_fk" FOREIGN KEY ("submission_id") REFERENCES "public"."submissions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "submission_corrections" ADD CONSTRAINT "submission_corrections_requested_by_users_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "notifications_event_user_channel_idx" ON "notifications" USING btree ("event_key","user_id","channel");--> statement-breakpoint
CREATE INDEX "notifications_user_idx" ON "notifications" USING btree ("user_id","channel","created_at");--> statement-breakpoint
CREATE INDEX "notifications_pending_idx" ON "notifications" USING btree ("status","next_attempt_at");--> statement-breakpoint
CREATE INDEX "submission_corrections_submission_idx" ON "submission_corrections" USING btree ("submission_id");--> statement-breakpoint
ALTER TABLE "campaigns" ADD CONSTRAINT "campaigns_supersedes_campaign_id_campaigns_id_fk" FOREIGN KEY ("supersedes_campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
-- Rules §3 (issue 20): one campaign per reporting year. Where earlier data hold several, the one
-- kept is the open one, else a closed one, else the latest; the others are marked superseded.
UPDATE "campaigns" SET "superseded_at" = now(), "supersede_reason" = 'migration 0005: several campaigns for one reporting year'
WHERE "id" IN (
  SELECT "id" FROM (
    SELECT "id", row_number() OVER (
      PARTITION BY "reporting_year"
      ORDER BY ("status" = 'open') DESC, ("status" = 'closed') DESC, "created_at" DESC, "id" DESC
    ) AS "rn" FROM "campaigns"
  ) AS "ranked" WHERE "rn" > 1
);--> statement-breakpoint
CREATE UNIQUE INDEX "campaigns_one_per_year_idx" ON "campaigns" USING btree ("reporting_year") WHERE superseded_at is null;--> statement-breakpoint
ALTER TABLE "campaigns" ADD CONSTRAINT "campaigns_requesting_body_check" CHECK ("campaigns"."requesting_body" in ('mvd', 'mtszn'));--> statement-breakpoint
ALTER TABLE "submission_revisions" ADD CONSTRAINT "submission_revisions_action_check" CHECK ("submission_revisions"."action" in ('save', 'import', 'submit', 'withdraw', 'return', 'accept', 'reopen'));--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_lang_check" CHECK ("users"."lang" in ('kk', 'ru'));--> statement-breakpoint
-- Issue 20: agency types for the other state bodies, local executive bodies by level, NGOs that
-- provide special social services (names are refreshed by the reference seed at start).
INSERT INTO "agency_types" ("code", "name_kk", "name_ru", "sort_order") VALUES
  ('prosecutor', 'Қазақстан Республикасының Бас прокуратурасы', 'Генеральная прокуратура Республики Казахстан', 100),
  ('knb', 'Қазақстан Республикасының Ұлттық қауіпсіздік комитеті (ҰҚК)', 'Комитет национальной безопасности Республики Казахстан (КНБ)', 101),
  ('afm', 'Қазақстан Республикасының Қаржылық мониторинг агенттігі (ҚМА)', 'Агентство Республики Казахстан по финансовому мониторингу (АФМ)', 102),
  ('ombudsman', 'Адам құқықтары, бала құқықтары және әлеуметтік осал санаттағы халықтың құқықтары жөніндегі уәкілдер', 'Уполномоченные по правам человека, по правам ребёнка и по правам социально уязвимых категорий населения', 103),
  ('other_state_body', 'Өзге мемлекеттік органдар', 'Иные государственные органы', 104),
  ('mio_oblast', 'Облыстардың жергілікті атқарушы органдары', 'Местные исполнительные органы областей', 105),
  ('mio_city', 'Республикалық маңызы бар қалалардың және астананың жергілікті атқарушы органдары', 'Местные исполнительные органы городов республиканского значения и столицы', 106),
  ('mio_oblast_city', 'Облыстық маңызы бар қалалардың жергілікті атқарушы органдары', 'Местные исполнительные органы городов областного значения', 107),
  ('ngo_special_social_services', 'Арнаулы әлеуметтік қызметтер көрсететін коммерциялық емес ұйымдар', 'Некоммерческие организации, предоставляющие специальные социальные услуги', 108)
ON CONFLICT ("code") DO NOTHING;--> statement-breakpoint
-- Every organisation of the former single local-executive-body type gets its level: the capital and
-- the cities of republican significance by region; a unit under another such body, or one named as a
-- city, is a city of oblast significance; the rest are oblast akimats. Each change is audited.
CREATE TEMPORARY TABLE "mio_mapping" AS
SELECT o."id", CASE
    WHEN o."region" IN ('astana', 'almaty', 'shymkent') THEN 'mio_city'
    WHEN EXISTS (SELECT 1 FROM "organisations" p WHERE p."id" = o."parent_id" AND p."agency_type" = 'mio')
      OR o."name_ru" ~* '(^|[^а-яё])(город|г\.)' OR o."name_kk" ~* 'қала' THEN 'mio_oblast_city'
    ELSE 'mio_oblast' END AS "agency_type"
FROM "organisations" o WHERE o."agency_type" = 'mio';--> statement-breakpoint
INSERT INTO "audit_log" ("action", "object_type", "object_id", "before", "after")
SELECT 'organisation.migrate', 'organisation', m."id"::text, jsonb_build_object('agencyType', 'mio'),
  jsonb_build_object('agencyType', m."agency_type", 'migration', '0005')
FROM "mio_mapping" m;--> statement-breakpoint
UPDATE "organisations" o SET "agency_type" = m."agency_type", "version" = o."version" + 1, "updated_at" = now()
FROM "mio_mapping" m WHERE o."id" = m."id";--> statement-breakpoint
-- A draft (or returned) submission of a re-typed organisation in an open campaign continues on the
-- new form: a new revision drops the answers to sections that form does not ask (the earlier
-- revision keeps them), so the next save is not refused for items outside the form.
WITH "moved" AS (
  SELECT s."id", s."revision", s."status", o."agency_type" AS "new_type",
    CASE o."agency_type" WHEN 'mio_oblast' THEN '^s(1|5|14)\.' WHEN 'mio_oblast_city' THEN '^s(1|3)\.' ELSE '^s(1|3|5|14)\.' END AS "keep"
  FROM "submissions" s
  JOIN "organisations" o ON o."id" = s."organisation_id"
  JOIN "campaigns" c ON c."id" = s."campaign_id"
  JOIN "mio_mapping" m ON m."id" = o."id"
  WHERE s."agency_type" = 'mio' AND s."status" IN ('draft', 'returned') AND c."status" = 'open'
), "revised" AS (
  INSERT INTO "submission_revisions" ("submission_id", "revision", "action", "status", "content", "saved_by", "saved_at")
  SELECT mv."id", mv."revision" + 1, 'save', mv."status",
    jsonb_set(r."content", '{answers}', coalesce((
      SELECT jsonb_object_agg(e."key", e."value") FROM jsonb_each(r."content"->'answers') AS e WHERE e."key" ~ mv."keep"
    ), '{}'::jsonb)),
    NULL, now()
  FROM "moved" mv JOIN "submission_revisions" r ON r."submission_id" = mv."id" AND r."revision" = mv."revision"
  RETURNING "submission_id"
)
UPDATE "submissions" s SET "agency_type" = mv."new_type", "revision" = mv."revision" + 1, "last_saved_at" = now()
FROM "moved" mv WHERE s."id" = mv."id" AND s."id" IN (SELECT "submission_id" FROM "revised");--> statement-breakpoint
DROP TABLE "mio_mapping";
