/** Weeks a pattern form offers (week A … F). */
export const MAX_WEEKS = 6;
