/** The numbers of a reorder line before any words: demand over the lead time and review period, safety stocks, ROP and S. */
import type { SkuModel } from './forecast';
import { demandSdOverInterval, zForServiceLevel } from './formulas';
import type { SupplierTerm } from './import/types';
import type { PlanSettings } from './settings';

/** The numbers of a line before any words: demand over L and L + R, safety stocks, ROP and S. */
export interface Quantities {
  L: number;
  sL: number;
  R: number;
  dL: number;
  dP: number;
  meanL: number;
  meanP: number;
  seasonFactor: number;
  sdL: number;
  ss: number;
  ssP: number;
  rop: number;
  S: number;
}

/** Forecast over the lead time and the protection interval, safety stocks, reorder point and order-up-to level. */
export function quantities(
  model: SkuModel,
  term: SupplierTerm | null,
  settings: PlanSettings,
  horizon: Float64Array,
): Quantities {
  const L = term?.leadTimeDays ?? settings.defaultLeadTimeDays;
  const sL = term?.leadTimeSdDays ?? 0;
  const R = settings.reviewPeriodDays;
  const z = zForServiceLevel(settings.serviceLevel);
  let dL = 0;
  let dP = 0;
  const Lw = Math.floor(L);
  const Pw = Math.floor(L + R);
  for (let k = 0; k < Pw; k++) {
    if (k < Lw) dL += horizon[k]!;
    dP += horizon[k]!;
  }
  dL += (L - Lw) * horizon[Lw]!;
  dP += (L + R - Pw) * horizon[Pw]!;
  const meanL = L > 0 ? dL / L : horizon[0]!;
  const meanP = L + R > 0 ? dP / (L + R) : horizon[0]!;
  // Seasonal factor over the protection interval, to put the residual sd on the raw scale.
  const base = Math.max(model.level, 1e-9);
  const seasonFactor = model.level > 0 ? meanP / base : 1;
  // σd: residual sd of daily demand, floored at the Poisson sd √d (a handful of days cannot show less noise).
  const sdDaily = Math.max(model.sdDaily * seasonFactor, Math.sqrt(meanP));
  // σℓ: the fit's standard error of the level, on the same seasonal scale.
  const sdLevel = model.sdLevel * seasonFactor;
  const sdL = demandSdOverInterval({
    meanDailyDemand: meanL,
    sdDailyDemand: sdDaily,
    days: L,
    leadTimeSdDays: sL,
    sdLevel,
  });
  const sdP = demandSdOverInterval({
    meanDailyDemand: meanP,
    sdDailyDemand: sdDaily,
    days: L + R,
    leadTimeSdDays: sL,
    sdLevel,
  });
  const ss = z * sdL;
  const ssP = z * sdP;
  return { L, sL, R, dL, dP, meanL, meanP, seasonFactor, sdL, ss, ssP, rop: dL + ss, S: dP + ssP };
}
