// Which questionnaire items count persons (victims, minors, persons received or
// protected, ...). One person is often counted by the police, a shelter, a hospital and
// an NGO alike, so such counts are never added across subjects: the report shows them
// per subject, and a regional indicator over several of them takes the largest.
const PERSON_TAIL =
  /^(victims|minors|persons|protected_persons|children_received|abandoned_newborns|citizens_left_abroad|convicted_persons|detained|referring_subjects|return_certificates)/;

/** Whether an item's values count persons (breakdowns of persons included). */
export function isPersonItem(itemId: string): boolean {
  const tail = itemId.slice(itemId.indexOf('.', itemId.indexOf('.') + 1) + 1);
  return PERSON_TAIL.test(tail);
}
