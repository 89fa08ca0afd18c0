import { storage } from 'wxt/utils/storage';
import { z } from 'zod';
import { localDay } from '../clock';
import type { PlanSettings } from '../planning/settings';

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/** What the planner lets a person set (the rest of lib/planning's settings keep their defaults). */
export const planningSettingsSchema = z.object({
  /** Cycle service level, 0.5–0.999. */
  serviceLevel: z.number().gt(0.5).lt(1).default(0.95),
  reviewPeriodDays: z.number().int().min(0).max(90).default(7),
  staleCountDays: z.number().int().min(0).max(365).default(7),
  /** Shopify vs 3PL counts disagree beyond this percentage (and `countToleranceUnits` units). */
  countTolerancePct: z.number().min(0).max(100).default(10),
  countToleranceUnits: z.number().int().min(0).default(5),
  overstockCoverDays: z.number().int().min(1).max(3650).default(180),
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
  return {
    serviceLevel: s.serviceLevel,
    reviewPeriodDays: s.reviewPeriodDays,
    staleCountDays: s.staleCountDays,
    countTolerancePct: s.countTolerancePct,
    countToleranceUnits: s.countToleranceUnits,
    overstockCoverDays: s.overstockCoverDays,
  };
}

/** Local calendar day of `now` as YYYY-MM-DD. */
export const localToday = (now: Date): string => localDay(now);

/** The day the plan is made for: the "plan as of" day when set, else the local day of `now`. */
export function planDay(s: PlanningSettings, now: Date): string {
  return s.today ?? localDay(now);
}
