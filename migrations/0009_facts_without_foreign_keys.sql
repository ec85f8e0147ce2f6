ALTER TABLE "facts" DROP CONSTRAINT "facts_assessment_id_assessments_id_fk";
--> statement-breakpoint
ALTER TABLE "facts" DROP CONSTRAINT "facts_organisation_id_organisations_id_fk";
