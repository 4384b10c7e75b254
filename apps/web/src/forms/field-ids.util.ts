/** Ids of a field's hint and error, so inputs can point at them with aria-describedby. */
export function fieldNoteIds(id: string, hint: unknown, error: string | undefined) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  return { hintId, errorId, describedBy };
}
