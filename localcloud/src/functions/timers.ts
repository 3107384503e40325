// Timer triggers declared in each function's config.json, run on schedule. The 7-field cron
// (second minute hour day month weekday year) is read in China time, as the cloud's are: a trigger
// written "0 30 23 * * * *" fires at 23:30 Beijing time although the functions run in UTC.
import { Cron } from 'croner';
import type { FunctionRuntime, TimerTrigger } from './runtime';

export const TIMER_ZONE = 'Asia/Shanghai';

export function timerEvent(trigger: TimerTrigger, at: Date): Record<string, string> {
  return { Type: 'Timer', TriggerName: trigger.name, Time: at.toISOString(), Message: '' };
}

export class TimerScheduler {
  private readonly jobs: Cron[] = [];

  constructor(private readonly runtime: FunctionRuntime) {}

  start(): void {
    for (const fn of this.runtime.list()) {
      for (const trigger of fn.triggers) {
        const job = new Cron(trigger.config, { timezone: TIMER_ZONE, protect: true }, () => {
          void this.runtime.invoke(fn.name, timerEvent(trigger, new Date()), null, { trigger: 'timer' });
        });
        this.jobs.push(job);
        console.log(`[localcloud] timer ${fn.name}/${trigger.name} "${trigger.config}" next at ${job.nextRun()?.toISOString() ?? 'never'}`);
      }
    }
  }

  stop(): void {
    for (const job of this.jobs) job.stop();
    this.jobs.length = 0;
  }
}
