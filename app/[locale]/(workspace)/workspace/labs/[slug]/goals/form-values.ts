import type { GoalFormValues } from './GoalForm';

type StoredGoal = {
  titleEn: string;
  titleZh: string | null;
  itemKind: GoalFormValues['itemKind'];
  itemNameEn: string;
  itemNameZh: string | null;
  metricEn: string;
  metricZh: string | null;
  unit: GoalFormValues['unit'];
  unitLabel: string | null;
  direction: GoalFormValues['direction'];
  baselineValue: number;
  baselineDate: string;
  targetValue: number;
  targetDate: string;
  tolerance: number | null;
  ownerOrganisationId: number | null;
  isPublic: boolean;
  milestoneIds: number[];
};

/** The form's text fields for a stored goal; a new goal starts from today with empty fields. */
export function formValuesOf(goal: StoredGoal | null, today: string): GoalFormValues {
  if (!goal) {
    return {
      titleEn: '',
      titleZh: '',
      itemKind: 'material',
      itemNameEn: '',
      itemNameZh: '',
      metricEn: '',
      metricZh: '',
      unit: 'percent',
      unitLabel: '',
      direction: 'raise',
      baselineValue: '',
      baselineDate: today,
      targetValue: '',
      targetDate: '',
      tolerance: '',
      ownerOrganisationId: '',
      isPublic: false,
      milestoneIds: [],
    };
  }
  return {
    ...goal,
    titleZh: goal.titleZh ?? '',
    itemNameZh: goal.itemNameZh ?? '',
    metricZh: goal.metricZh ?? '',
    unitLabel: goal.unitLabel ?? '',
    baselineValue: String(goal.baselineValue),
    targetValue: String(goal.targetValue),
    tolerance: goal.tolerance === null ? '' : String(goal.tolerance),
    ownerOrganisationId: goal.ownerOrganisationId === null ? '' : String(goal.ownerOrganisationId),
  };
}
