// Load drivers: a closed loop at a fixed concurrency (throughput) and an open loop at a fixed
// rate (latency, timed from when each request was due, so a slow answer cannot hide the ones
// queued behind it). A "request" is any async step: one HTTP call, or a replay of several.
// Written here rather than with autocannon because a replay of a query plan is several
// dependent HTTP calls that must be timed as one.
import { build, type Histogram } from 'hdr-histogram-js';

export interface LoadResult {
  requests: number;
  errors: number;
  /** The first few error messages, to say what failed. */
  errorSamples: string[];
  seconds: number;
  throughput: number;
  latency: Histogram;
}

export type Step = () => Promise<void>;

function newResult(): Omit<LoadResult, 'seconds' | 'throughput'> {
  return {
    requests: 0,
    errors: 0,
    errorSamples: [],
    latency: build({
      lowestDiscernibleValue: 1,
      highestTrackableValue: 120_000_000,
      numberOfSignificantValueDigits: 3,
    }),
  };
}

async function timed(step: Step, from: number, result: ReturnType<typeof newResult>): Promise<void> {
  try {
    await step();
  } catch (error) {
    result.errors += 1;
    if (result.errorSamples.length < 3)
      result.errorSamples.push(error instanceof Error ? error.message : String(error));
  } finally {
    result.requests += 1;
    // Microseconds: the histogram holds integers.
    result.latency.recordValue(Math.max(1, Math.round((performance.now() - from) * 1000)));
  }
}

/** `concurrency` workers each sending the next request as soon as the last one answered. */
export async function closedLoop(step: Step, concurrency: number, seconds: number): Promise<LoadResult> {
  const result = newResult();
  const started = performance.now();
  const until = started + seconds * 1000;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < until) await timed(step, performance.now(), result);
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  return { ...result, seconds: elapsed, throughput: result.requests / elapsed };
}

/** Requests due at a fixed rate, whether or not earlier ones have answered. */
export async function openLoop(step: Step, rate: number, seconds: number): Promise<LoadResult> {
  const result = newResult();
  const started = performance.now();
  const total = Math.max(1, Math.round(rate * seconds));
  const interval = 1000 / rate;
  const inFlight: Promise<void>[] = [];
  for (let i = 0; i < total; i += 1) {
    const due = started + i * interval;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    inFlight.push(timed(step, due, result));
  }
  await Promise.all(inFlight);
  const elapsed = (performance.now() - started) / 1000;
  return { ...result, seconds: elapsed, throughput: result.requests / elapsed };
}

/** p50, p95 and p99 in milliseconds. */
export function percentiles(histogram: Histogram): { p50: number; p95: number; p99: number } {
  const ms = (p: number) => Math.round(histogram.getValueAtPercentile(p) / 10) / 100;
  return { p50: ms(50), p95: ms(95), p99: ms(99) };
}
