// Thin layer over HiGHS (WebAssembly build, `highs` on npm): sparse models built row by
// row, solved in-process. Loaded once; solves are synchronous afterwards.
import * as highsModule from 'highs';
import type { Highs } from 'highs';

// The package's types are CommonJS; its ES build's default export is the loader.
const highs = await (highsModule as unknown as { default: () => Promise<Highs> }).default();

export const INF = highs.infinity;
export const EPS = 1e-6;

export interface LpRow {
  indices: number[];
  values: number[];
  lower: number;
  upper: number;
}

export interface LpSpec {
  lower: number[];
  upper: number[];
  cost?: number[];
  integer?: boolean[];
  rows: LpRow[];
}

export type LpModel = ReturnType<typeof highs.createModel>;

export function createLp(spec: LpSpec, options: Record<string, number | boolean | string> = {}): LpModel {
  const n = spec.lower.length;
  const starts = [0];
  const indices: number[] = [];
  const values: number[] = [];
  for (const r of spec.rows) {
    indices.push(...r.indices);
    values.push(...r.values);
    starts.push(indices.length);
  }
  const model = highs.createModel({
    numCols: n,
    numRows: spec.rows.length,
    colCost: spec.cost ?? new Array<number>(n).fill(0),
    colLower: spec.lower,
    colUpper: spec.upper,
    rowLower: spec.rows.map((r) => r.lower),
    rowUpper: spec.rows.map((r) => r.upper),
    matrix: { format: 'csr', numRows: spec.rows.length, numCols: n, starts, indices, values },
    ...(spec.integer
      ? {
          integrality: spec.integer.map((b) =>
            b ? highs.constants.variableType.integer : highs.constants.variableType.continuous,
          ),
        }
      : {}),
  });
  model.options.set({ output_flag: false, ...options });
  return model;
}

export type Sense = 'min' | 'max';

/** Runs the model with one column's objective; returns its optimum and the solution, or null when not solved. */
export function optimiseColumn(
  model: LpModel,
  col: number,
  sense: Sense,
  previous: number | null,
): { value: number; x: Float64Array } | null {
  if (previous !== null && previous !== col) model.changeColCost(previous, 0);
  model.changeColCost(col, 1);
  return run(model, sense);
}

export function run(model: LpModel, sense: Sense): { value: number; x: Float64Array } | null {
  model.changeObjectiveSense(
    sense === 'min' ? highs.constants.objectiveSense.minimize : highs.constants.objectiveSense.maximize,
  );
  model.run();
  const status = model.getModelStatus();
  if (status === highs.constants.modelStatus.optimal)
    return { value: model.getObjectiveValue(), x: model.getSolution().colValue };
  if (status === highs.constants.modelStatus.timeLimit && model.info.get('primal_solution_status') === 2) {
    return { value: model.getObjectiveValue(), x: model.getSolution().colValue };
  }
  return null;
}

export function setIntegrality(model: LpModel, cols: number, integer: boolean): void {
  const type = integer ? highs.constants.variableType.integer : highs.constants.variableType.continuous;
  model.changeColsIntegrality({ kind: 'range', from: 0, to: cols - 1 }, new Array(cols).fill(type));
}

export const isIntegral = (x: ArrayLike<number>) => {
  for (let i = 0; i < x.length; i++) if (Math.abs(x[i] - Math.round(x[i])) > EPS) return false;
  return true;
};
