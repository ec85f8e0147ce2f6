// The states and kinds the platform stores, named once: the database columns (typed and
// CHECK-constrained), the API schemas and the services all draw on these lists.

export const campaignStatuses = ['draft', 'open', 'closed'] as const;
export type CampaignStatus = (typeof campaignStatuses)[number];

/** A stored submission's status; `not_started` is what the API says of a recipient with none. */
export const submissionStatuses = ['draft', 'submitted', 'returned', 'accepted'] as const;
export type SubmissionStatus = (typeof submissionStatuses)[number];

/** What made a submission revision. */
export const revisionActions = ['save', 'import', 'submit', 'withdraw', 'return', 'accept'] as const;
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
