/**
 * Politeness: at most `overall` requests in flight, at most `perHost` to any one host, and a host that
 * asked us to wait (Retry-After) gets nothing until the time it named. Waiting tasks start in the
 * order they came, skipping those whose host is busy or resting.
 */

interface Waiting {
  host: string;
  start: () => void;
}

/** A concurrency limit overall and per host, with hosts that can be told to rest. */
export class HostPool {
  readonly #overall: number;
  readonly #perHost: number;
  readonly #running = new Map<string, number>();
  readonly #restingUntil = new Map<string, number>();
  readonly #waiting: Waiting[] = [];
  #active = 0;
  #wake: NodeJS.Timeout | undefined;
  #wakeAt = Infinity;

  constructor(overall: number, perHost: number) {
    this.#overall = overall;
    this.#perHost = perHost;
  }

  /** Runs `task` once a slot for `host` is free, and frees the slot when it settles. */
  async run<T>(host: string, task: () => Promise<T>): Promise<T> {
    await new Promise<void>((start) => {
      this.#waiting.push({ host, start });
      this.#pump();
    });
    try {
      return await task();
    } finally {
      this.#active--;
      this.#running.set(host, (this.#running.get(host) ?? 1) - 1);
      this.#pump();
    }
  }

  /** Holds every request to `host` until `until` (a Date.now() time), as a Retry-After asks. */
  rest(host: string, until: number): void {
    if (until > (this.#restingUntil.get(host) ?? 0)) this.#restingUntil.set(host, until);
  }

  /** When `host` may be asked again (a Date.now() time; 0 when it is not resting). */
  restingUntil(host: string): number {
    return this.#restingUntil.get(host) ?? 0;
  }

  #pump(): void {
    const now = Date.now();
    let nextWake = Infinity;
    for (let i = 0; i < this.#waiting.length && this.#active < this.#overall; ) {
      const { host, start } = this.#waiting[i]!;
      const restingUntil = this.#restingUntil.get(host) ?? 0;
      if (restingUntil > now) nextWake = Math.min(nextWake, restingUntil);
      if (restingUntil > now || (this.#running.get(host) ?? 0) >= this.#perHost) {
        i++;
        continue;
      }
      this.#waiting.splice(i, 1);
      this.#active++;
      this.#running.set(host, (this.#running.get(host) ?? 0) + 1);
      start();
    }
    // Nothing else would call pump when the only waiting tasks are for resting hosts.
    if (nextWake < this.#wakeAt) {
      clearTimeout(this.#wake);
      this.#wakeAt = nextWake;
      this.#wake = setTimeout(() => {
        this.#wakeAt = Infinity;
        this.#pump();
      }, nextWake - now);
    }
  }
}
