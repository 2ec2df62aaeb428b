// Azure cost-management budget alerts delivered through an action group in the common
// alert schema (monitoringService "CostAlerts").
//   Actual spend over the threshold → HIGH; a forecast over it → MEDIUM.

import { GLOBAL_REGION, type UnifiedEvent } from '@escher/shared';
import { buildEvent } from '../build-event.js';
import { isoTimestamp, type Json, need, obj, str } from '../fields.js';
import { money, round2 } from '../money.js';
import { high, medium } from '../severity.js';
import { subscriptionOf } from './resource-id.js';

const SOURCE = 'azure.monitor-alert';

export function budgetAlert(input: Json, essentials: Json, context: Json): UnifiedEvent[] {
  const data = need(obj(context, 'AlertData'), SOURCE, 'data.alertContext.AlertData');
  const budget = need(str(data, 'BudgetName'), SOURCE, 'data.alertContext.AlertData.BudgetName');
  const scope = str(data, 'Scope') ?? str(essentials, 'alertId');
  const forecast = str(data, 'ThresholdType') === 'Forecasted';
  const spent = money(str(data, 'SpentAmount'));
  const limit = money(str(data, 'BudgetThreshold'));
  const fired = str(essentials, 'firedDateTime');
  return [
    buildEvent({
      source: SOURCE,
      vendorId: `${str(data, 'BudgetId') ?? budget}@${str(data, 'ThresholdType') ?? ''}@${fired ?? ''}`,
      provider: 'azure',
      eventType: 'budget_exceeded',
      baseline: forecast
        ? medium(
            `budget ${budget} forecast to exceed ${str(data, 'NotificationThresholdAmount') ?? 'its threshold'}`,
          )
        : high(
            `budget ${budget} spend exceeded ${str(data, 'NotificationThresholdAmount') ?? 'its threshold'}`,
          ),
      accountId: need(subscriptionOf(scope), SOURCE, 'data.alertContext.AlertData.Scope'),
      region: GLOBAL_REGION,
      resource: {
        type: 'budget',
        id: str(data, 'BudgetId') ?? `${scope}/providers/Microsoft.Consumption/budgets/${budget}`,
        name: budget,
        nativeType: 'Microsoft.Consumption/budgets',
        metadata: {
          threshold_type: str(data, 'ThresholdType'),
          budget_amount: limit,
          spent_amount: spent,
          forecast_amount: money(str(data, 'ForecastedTotalForPeriod')),
          currency: str(data, 'Unit'),
        },
      },
      timestamp: isoTimestamp(fired, SOURCE, 'data.essentials.firedDateTime'),
      costImpact: spent !== undefined && limit !== undefined ? Math.max(0, round2(spent - limit)) : undefined,
      raw: input,
    }),
  ];
}
