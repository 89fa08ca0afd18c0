import type { Tier } from './gate';

export const ROLLOUT_MODES = ['shadow', 'suggest', 'autonomous'] as const;
export type RolloutMode = (typeof ROLLOUT_MODES)[number];

export interface PanelPlan {
  /** Intent, tier and reasons are always shown. */
  showClassification: true;
  showDraft: boolean;
  /** Badge next to the classification ("shadow" in shadow mode, "escalate" on escalations). */
  badge: 'shadow' | 'escalate' | null;
  /** Place the draft in the reply editor without a click (the agent still presses send). */
  autoPlaceDraft: boolean;
  /** The draft is always generated and logged, so shadow mode still yields metrics. */
  generateAndLogDraft: true;
  /** Insert / Copy / Regenerate / Edit buttons. */
  actions: Array<'insert' | 'copy' | 'regenerate' | 'edit' | 'feedback'>;
}

/** What the panel shows for a rollout mode and a gate tier (pure: the panel only renders this). */
export function panelPlan(mode: RolloutMode, tier: Tier): PanelPlan {
  const showDraft = mode !== 'shadow';
  return {
    showClassification: true,
    showDraft,
    badge: mode === 'shadow' ? 'shadow' : tier === 'escalate' ? 'escalate' : null,
    autoPlaceDraft: mode === 'autonomous' && tier === 'autonomous',
    generateAndLogDraft: true,
    actions: showDraft ? ['insert', 'copy', 'regenerate', 'edit', 'feedback'] : [],
  };
}
