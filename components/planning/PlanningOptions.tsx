/** The planning section of the options page. */
export function PlanningOptions() {
  return null;
}
