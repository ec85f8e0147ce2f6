import { z } from 'zod';
import {
  attendanceStatuses,
  decidedSteps,
  expertGroupRoles,
  meetingFormats,
  specialistKinds,
} from '../../domain/states.js';
import { requiredText, text } from '../../shared/text.js';

const isoDate = z.iso.date();
export const memberParams = z.object({ memberId: z.uuid() });
export const meetingParams = z.object({ meetingId: z.uuid() });
export const meetingFileParams = z.object({ meetingId: z.uuid(), name: z.string().regex(/^[A-Za-z0-9_.-]{1,100}$/) });
export const assessmentIdParams = z.object({ id: z.uuid() });
export const specialistParams = z.object({ id: z.uuid(), specialistId: z.uuid() });
export const membersQuery = z.object({ at: isoDate.optional(), history: z.enum(['true', 'false']).optional() });
export const meetingsQuery = z.object({ assessmentId: z.uuid().optional() });

export const groupBody = z
  .object({
    plannedSize: z.number().int().min(1).max(500).nullable().optional(),
    meetingFrequency: text(500).nullable().optional(),
    workFormat: z.enum(meetingFormats).nullable().optional(),
    basis: text(1_000).nullable().optional(),
  })
  .strict();
export type GroupBody = z.infer<typeof groupBody>;

export const memberBody = z
  .object({
    name: requiredText(300),
    organisationId: z.uuid(),
    userId: z.uuid().nullable().optional(),
    role: z.enum(expertGroupRoles),
    joinedOn: isoDate,
  })
  .strict();
export type MemberBody = z.infer<typeof memberBody>;

/** A role change (from `on`) or a departure (`leftOn`); either ends the current term. */
export const memberChangeBody = z
  .object({
    role: z.enum(expertGroupRoles).optional(),
    leftOn: isoDate.optional(),
    reason: text(1_000).optional(),
    on: isoDate.optional(),
  })
  .strict()
  .refine((b) => (b.role === undefined) !== (b.leftOn === undefined), {
    message: 'give either role (with on) or leftOn',
    path: ['role'],
  })
  .refine((b) => b.role === undefined || b.on !== undefined, { message: 'required with role', path: ['on'] });
export type MemberChangeBody = z.infer<typeof memberChangeBody>;

export const memberView = z.object({
  id: z.string(),
  name: z.string(),
  userId: z.string().nullable(),
  organisationId: z.string(),
  organisationName: z.object({ kk: z.string(), ru: z.string() }),
  agencyType: z.string(),
  role: z.enum(expertGroupRoles),
  joinedOn: z.string(),
  leftOn: z.string().nullable(),
  leftReason: z.string().nullable(),
});
export type MemberView = z.infer<typeof memberView>;

export const groupView = z.object({
  plannedSize: z.number().int().nullable(),
  meetingFrequency: z.string().nullable(),
  workFormat: z.enum(meetingFormats).nullable(),
  basis: z.string().nullable(),
  version: z.number().int(),
  members: z.array(memberView),
});

const decision = z
  .object({
    text: requiredText(5_000),
    step: z.enum(decidedSteps),
    runId: z.uuid().nullable().optional(),
  })
  .strict();

export const meetingBody = z
  .object({
    assessmentId: z.uuid().nullable().optional(),
    heldOn: isoDate,
    format: z.enum(meetingFormats),
    agenda: requiredText(20_000),
    minutes: text(100_000).nullable().optional(),
    decisions: z.array(decision).max(200).optional(),
    attendance: z
      .array(z.object({ memberId: z.uuid(), status: z.enum(attendanceStatuses) }).strict())
      .max(500)
      .optional(),
  })
  .strict();
export type MeetingBody = z.infer<typeof meetingBody>;

export const meetingView = z.object({
  id: z.string(),
  assessmentId: z.string().nullable(),
  heldOn: z.string(),
  format: z.enum(meetingFormats),
  agenda: z.string(),
  minutes: z.string().nullable(),
  decisions: z.array(z.object({ text: z.string(), step: z.enum(decidedSteps), runId: z.string().nullable() })),
  attendance: z.array(z.object({ memberId: z.string(), name: z.string(), status: z.enum(attendanceStatuses) })),
  files: z.array(z.object({ name: z.string(), contentType: z.string(), size: z.number().int(), sha256: z.string() })),
  version: z.number().int(),
  createdAt: z.string(),
});
export type MeetingView = z.infer<typeof meetingView>;

export const specialistBody = z
  .object({
    kind: z.enum(specialistKinds),
    name: requiredText(300),
    field: requiredText(300),
    organisation: text(300).nullable().optional(),
    contribution: requiredText(5_000),
    /** A specialist-role account given read access to the assessment's working materials. */
    userId: z.uuid().nullable().optional(),
  })
  .strict();
export type SpecialistBody = z.infer<typeof specialistBody>;

export const specialistView = z.object({
  id: z.string(),
  assessmentId: z.string(),
  kind: z.enum(specialistKinds),
  name: z.string(),
  field: z.string(),
  organisation: z.string().nullable(),
  contribution: z.string(),
  userId: z.string().nullable(),
  readAccess: z.boolean(),
});
export type SpecialistView = z.infer<typeof specialistView>;

const materialAssessment = z.object({
  id: z.string(),
  title: z.object({ kk: z.string(), ru: z.string() }),
  startYear: z.number().int(),
  endYear: z.number().int(),
  status: z.string(),
});
export const grantedView = z.array(materialAssessment);
export const workingMaterialsView = z.object({
  assessment: materialAssessment,
  runs: z.array(
    z.object({
      id: z.string(),
      step: z.string(),
      startedAt: z.string(),
      finishedAt: z.string(),
      inputHash: z.string(),
    }),
  ),
  narrative: z.array(
    z.object({
      chapter: z.string(),
      revision: z.number().int(),
      textKk: z.string(),
      textRu: z.string(),
      savedBy: z.string().nullable(),
      savedAt: z.string().nullable(),
    }),
  ),
  meetings: z.array(meetingView),
  specialists: z.array(specialistView),
});
