// The states and kinds the platform stores, named once: the database columns (typed and
// CHECK-constrained), the API schemas and the services all draw on these lists.

export const campaignStatuses = ['draft', 'open', 'closed'] as const;
export type CampaignStatus = (typeof campaignStatuses)[number];

/** A stored submission's status; `not_started` is what the API says of a recipient with none. */
export const submissionStatuses = ['draft', 'submitted', 'returned', 'accepted'] as const;
export type SubmissionStatus = (typeof submissionStatuses)[number];

/** What made a submission revision. */
/** `reopen`: an accepted submission reopened for correction by an expert (issue 20). */
export const revisionActions = ['save', 'import', 'submit', 'withdraw', 'return', 'accept', 'reopen'] as const;
export type RevisionAction = (typeof revisionActions)[number];

/** The two authorised bodies that coordinate the assessment in turn (Rules §6). */
export const coordinatingBodies = ['mvd', 'mtszn'] as const;
export type CoordinatingBody = (typeof coordinatingBodies)[number];

export const assessmentStatuses = ['draft', 'finalised'] as const;
export type AssessmentStatus = (typeof assessmentStatuses)[number];

/** Stored, reproducible runs of the assessment steps (disclosure: the audit of a finalisation's published tables). */
export const runSteps = ['quality', 'structuring', 'ranking', 'disclosure'] as const;
export type RunStep = (typeof runSteps)[number];

export const findingSeverities = ['error', 'warning', 'info'] as const;
export type FindingSeverity = (typeof findingSeverities)[number];

export const jobStatuses = ['queued', 'running', 'succeeded', 'failed', 'cancelled'] as const;
export type JobStatus = (typeof jobStatuses)[number];

/** A member's place in the expert group (Rules §4-5). */
export const expertGroupRoles = ['chair', 'deputy_chair', 'secretary', 'member'] as const;
export type ExpertGroupRole = (typeof expertGroupRoles)[number];

/** How the expert group meets (Rules §5: the format of its work). */
export const meetingFormats = ['in_person', 'online', 'mixed'] as const;
export type MeetingFormat = (typeof meetingFormats)[number];

export const attendanceStatuses = ['present', 'absent', 'excused'] as const;
export type AttendanceStatus = (typeof attendanceStatuses)[number];

/** What a meeting's decision may be about: the assessment's steps and outputs. */
export const decidedSteps = [
  'quality',
  'structuring',
  'scoring',
  'ranking',
  'narrative',
  'finalise',
  'transmittal',
  'other',
] as const;
export type DecidedStep = (typeof decidedSteps)[number];

/** Who is drawn into the analysis (Rules §16). */
export const specialistKinds = [
  'specialist',
  'scientific_institution',
  'researcher',
  'ngo',
  'international_organisation',
] as const;
export type SpecialistKind = (typeof specialistKinds)[number];

/** What the Interagency Commission did with a recommendation (Rules §19). */
export const recommendationDecisions = ['approved', 'changed', 'rejected'] as const;
export type RecommendationDecision = (typeof recommendationDecisions)[number];

/** A subject's report on an action arising from an approved recommendation. */
export const actionStatuses = ['not_started', 'in_progress', 'done', 'not_applicable'] as const;
export type ActionStatus = (typeof actionStatuses)[number];
/** Notification outbox (issue 20): how a notice is delivered and where its delivery stands. */
export const notificationChannels = ['email', 'in_app'] as const;
export type NotificationChannel = (typeof notificationChannels)[number];
export const notificationStatuses = ['pending', 'sent', 'failed', 'skipped'] as const;
export type NotificationStatus = (typeof notificationStatuses)[number];
