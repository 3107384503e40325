// Aggregation stages where mingo departs from MongoDB, replaced for the local store's pipelines.
import { Aggregator as BaseAggregator } from 'mingo/aggregator';
import { Context } from 'mingo';
import * as accumulatorOperators from 'mingo/operators/accumulator';
import * as expressionOperators from 'mingo/operators/expression';
import * as pipelineOperators from 'mingo/operators/pipeline';
import * as projectionOperators from 'mingo/operators/projection';
import * as queryOperators from 'mingo/operators/query';
import * as windowOperators from 'mingo/operators/window';
import { Lazy, type Iterator } from 'mingo/lazy';
import type { AnyObject, Options } from 'mingo/types';
import { isPlainObject, type Doc } from '../ejson';
import { invalidParam } from './errors';

/**
 * `$sample: { size }` as MongoDB answers it: distinct documents, at most as many as the input has.
 * mingo draws with replacement (the same document can come back twice, and a small collection
 * yields `size` documents anyway), which a lottery or "pick N at random" feature would get wrong.
 */
function $sample(coll: Iterator, expr: unknown, _options: Options): Iterator {
  const size = isPlainObject(expr) ? expr.size : undefined;
  if (typeof size !== 'number' || !Number.isInteger(size) || size < 0) throw invalidParam('$sample size must be a non-negative integer');
  return coll.transform((xs: unknown[]) => {
    const pool = [...xs];
    const n = Math.min(size, pool.length);
    // Partial Fisher–Yates: the first n slots end up a uniform random selection without repeats.
    for (let i = 0; i < n; i++) {
      const j = i + Math.floor(Math.random() * (pool.length - i));
      [pool[i], pool[j]] = [pool[j], pool[i]];
    }
    return Lazy(pool.slice(0, n));
  });
}

/**
 * mingo's operators with ours in front. mingo's own `Aggregator` always puts its built-in context
 * first (and the first context wins a name), so a replacement only takes effect through the base
 * aggregator given this whole context; nested pipelines ($lookup, $facet) inherit it.
 */
const STORE_CONTEXT = Context.from(
  Context.init({ pipeline: { $sample } }),
  Context.init({
    accumulator: accumulatorOperators,
    expression: expressionOperators,
    pipeline: pipelineOperators,
    projection: projectionOperators,
    query: queryOperators,
    window: windowOperators,
  }),
);

export function runPipeline(stages: Doc[], input: Doc[], collectionResolver: (name: string) => AnyObject[]): AnyObject[] {
  return new BaseAggregator(stages, { collectionResolver, context: STORE_CONTEXT }).run(input);
}
