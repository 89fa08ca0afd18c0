import { storage } from 'wxt/utils/storage';
import { z } from 'zod';
import { localDay } from '../clock';
import { type PlanSettings, planSettingsSchema } from '../planning/settings';

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/** The engine settings a person may set (the rest keep their defaults), with the engine's bounds. */
const PERSON_SETS = {
  serviceLevel: true,
  reviewPeriodDays: true,
  staleCountDays: true,
  countTolerancePct: true,
  countToleranceUnits: true,
  overstockCoverDays: true,
} as const;

/** What the planner lets a person set: picked from lib/planning's settings schema, plus the demo day. */
export const planningSettingsSchema = planSettingsSchema.pick(PERSON_SETS).extend({
  /** Demo: plan as if today were this day; null plans with the real date. */
  today: day.nullable().default(null),
});
export type PlanningSettings = z.output<typeof planningSettingsSchema>;
export const PLANNING_DEFAULTS: PlanningSettings = planningSettingsSchema.parse({});

/** `local:settings.planning`: versioned so a later shape can migrate the saved one. */
export const planningSettings = storage.defineItem<PlanningSettings>('local:settings.planning', {
  fallback: PLANNING_DEFAULTS,
  version: 1,
});

/** The saved settings with defaults filled; a damaged value falls back to the defaults field by field. */
export function parsePlanningSettings(value: unknown): PlanningSettings {
  const base = value && typeof value === 'object' ? (value as Record<string, unknown>) : {};
  const parsed = planningSettingsSchema.safeParse(base);
  if (parsed.success) return parsed.data;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(planningSettingsSchema.shape) as (keyof PlanningSettings)[]) {
    const field = planningSettingsSchema.shape[key].safeParse(base[key]);
    out[key] = field.success ? field.data : PLANNING_DEFAULTS[key];
  }
  return out as PlanningSettings;
}

/** The engine settings these map to. */
export function toPlanSettings(s: PlanningSettings): Partial<PlanSettings> {
  const { today: _today, ...engine } = s;
  return engine;
}

/** Local calendar day of `now` as YYYY-MM-DD. */
export const localToday = (now: Date): string => localDay(now);

/** The day the plan is made for: the "plan as of" day when set, else the local day of `now`. */
export function planDay(s: PlanningSettings, now: Date): string {
  return s.today ?? localDay(now);
}
