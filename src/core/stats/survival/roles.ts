/**
 * The time and event roles and the event_value option shared by the survival manifests. Plain
 * data with no imports, so manifests (loaded eagerly by the UI) pull no kernel code.
 */
export function eventValueOption() {
  return {
    name: 'event_value',
    type: 'string' as const,
    default: '',
    label: { en: 'Event value', zh: '事件取值' },
    help: {
      en: 'The value of the event variable that marks the event (needed for text categories such as “dead”/“alive”). Leave empty for 0/1 (1 = event), 1/2 (2 = event) or FALSE/TRUE.',
      zh: '事件变量中表示发生事件的取值（文本分类如“死亡”/“存活”时需要）。0/1（1 = 事件）、1/2（2 = 事件）或 FALSE/TRUE 时留空。',
    },
  };
}

export const timeRole = {
  name: 'time',
  label: { en: 'Time', zh: '时间' },
  help: { en: 'Follow-up time to the event or to censoring.', zh: '随访至事件发生或删失的时间。' },
  types: ['numeric', 'integer'] as ('numeric' | 'integer')[],
  min: 1,
  max: 1,
};

export const eventRole = {
  name: 'event',
  label: { en: 'Event', zh: '事件' },
  help: {
    en: 'Event indicator: 0/1 (1 = event), 1/2 (2 = event, as R’s Surv), FALSE/TRUE, or two categories with “Event value” naming the event.',
    zh: '事件指示变量：0/1（1 = 事件）、1/2（2 = 事件，同 R 的 Surv）、FALSE/TRUE，或两个分类并用“事件取值”指定事件。',
  },
  types: ['numeric', 'integer', 'boolean', 'categorical'] as ('numeric' | 'integer' | 'boolean' | 'categorical')[],
  min: 1,
  max: 1,
  as: 'categorical' as const,
};
