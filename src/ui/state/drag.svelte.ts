/** The column chip being dragged right now, so role slots can show whether they accept it. */
export const drag = $state({ column: null as string | null });
