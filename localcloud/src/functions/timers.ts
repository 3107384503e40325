// Timer triggers declared in each function's config.json, run on schedule. The 7-field cron
// (second minute hour day month weekday year) is read in China time, as the cloud's are: a trigger
// written "0 30 23 * * * *" fires at 23:30 Beijing time although the functions run in UTC.
// The schedule follows the movable clock, not the machine's: a demo started "as of" 30 November
// (LOCALCLOUD_NOW) runs its month-end timer at the clock's midnight, and a test that moves the clock
// past a firing time sees the trigger run at once.
import { Cron } from 'croner';
import { clock } from '../clock';
import type { FunctionRuntime, TimerTrigger } from './runtime';

export const TIMER_ZONE = 'Asia/Shanghai';
/** How often a waiting trigger looks at the clock again (it may have been moved). */
const RECHECK_MS = 1000;

export function timerEvent(trigger: TimerTrigger, at: Date): Record<string, string> {
  return { Type: 'Timer', TriggerName: trigger.name, Time: at.toISOString(), Message: '' };
}

export class TimerScheduler {
  private readonly handles = new Set<NodeJS.Timeout>();
  private running = false;

  constructor(private readonly runtime: FunctionRuntime) {}

  start(): void {
    this.running = true;
    for (const fn of this.runtime.list()) {
      if (fn.configError) console.error(`[localcloud] ${fn.configError}: its timer is not scheduled, and calls to it fail`);
      for (const trigger of fn.triggers) {
        // A paused Cron only computes firing times; the waiting is ours, against the clock.
        const cron = new Cron(trigger.config, { timezone: TIMER_ZONE, paused: true });
        const first = cron.nextRun(new Date(clock.now()));
        console.log(`[localcloud] timer ${fn.name}/${trigger.name} "${trigger.config}" next at ${first?.toISOString() ?? 'never'}`);
        this.wait(
          first,
          cron,
          () => void this.runtime.invoke(fn.name, timerEvent(trigger, new Date(clock.now())), null, { trigger: 'timer' }),
        );
      }
    }
  }

  /** Waits until the clock reaches `next`, fires, then waits for the firing after it. */
  private wait(next: Date | null, cron: Cron, fire: () => void): void {
    if (!this.running || !next) return;
    const left = next.getTime() - clock.now();
    if (left <= 0) {
      fire();
      this.wait(cron.nextRun(new Date(Math.max(clock.now(), next.getTime()))), cron, fire);
      return;
    }
    const handle = setTimeout(
      () => {
        this.handles.delete(handle);
        this.wait(next, cron, fire);
      },
      Math.min(left, RECHECK_MS),
    );
    this.handles.add(handle);
  }

  stop(): void {
    this.running = false;
    for (const handle of this.handles) clearTimeout(handle);
    this.handles.clear();
  }
}
