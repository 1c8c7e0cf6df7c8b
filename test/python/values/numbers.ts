/** Random Python numbers for the differential tests: each with its Python source and our value. */
import type { Num } from '../../../shared/python/values/errors.ts';
import { floatParts, floatRepr } from '../../../shared/python/values/float.ts';
import { intToStr } from '../../../shared/python/values/int.ts';
import type { Rand } from './oracle.ts';

export interface Operand {
  py: string;
  v: Num;
}

/** Exact Python source for a float (independent of our repr). */
export function floatSource(x: number): string {
  if (Number.isNaN(x)) return "float('nan')";
  if (!Number.isFinite(x)) return x > 0 ? "float('inf')" : "float('-inf')";
  const { mant, exp } = floatParts(x);
  const sign = mant < 0n || Object.is(x, -0) ? '-' : '';
  const m = mant < 0n ? -mant : mant;
  return `float.fromhex('${sign}0x${m.toString(16)}p${exp}')`;
}

export function intOperand(v: bigint): Operand {
  return { py: `(${v})`, v };
}

function floatOperand(v: number): Operand {
  return { py: floatSource(v), v };
}

export function randomInt(r: Rand): bigint {
  const sign = r.int(3) === 0 ? -1n : 1n;
  switch (r.int(6)) {
    case 0:
      return sign * BigInt(r.int(21));
    case 1:
      return sign * BigInt(r.int(1000));
    case 2:
      return sign * r.bigBits(1 + r.int(64));
    case 3:
      return sign * (2n ** 53n + BigInt(r.int(9) - 4));
    case 4:
      return sign * r.bigBits(1 + r.int(1100));
    default:
      return sign * 10n ** BigInt(r.int(400));
  }
}

export function randomFloat(r: Rand): number {
  const sign = r.int(3) === 0 ? -1 : 1;
  switch (r.int(8)) {
    case 0:
      return r.pick([0, -0, Infinity, -Infinity, NaN, 0.5, 1, -1, 2, 1e16, 1e-5, 1e-4, 5e-324]);
    case 1:
      return (sign * r.int(2000)) / r.pick([1, 2, 4, 8, 10, 100, 1000]);
    case 2:
      return sign * r.next() * 10 ** (r.int(40) - 20);
    case 3:
      return sign * r.int(100000) * 10 ** (r.int(50) - 25);
    case 4:
      return randomBitsFloat(r);
    case 5:
      return sign * 2 ** (r.int(2098) - 1074);
    case 6:
      return sign * Math.round(r.next() * 2 ** r.int(70));
    default:
      return sign * r.next() * 2 ** (r.int(120) - 60);
  }
}

/** Any finite double, uniformly over bit patterns. */
function randomBitsFloat(r: Rand): number {
  const view = new DataView(new ArrayBuffer(8));
  view.setUint32(0, r.int(2 ** 32));
  view.setUint32(4, r.int(2 ** 32));
  const x = view.getFloat64(0);
  return Number.isFinite(x) ? x : 0.25;
}

export function randomNumber(r: Rand): Operand {
  const kind = r.int(10);
  if (kind === 0) return r.int(2) ? { py: 'True', v: true } : { py: 'False', v: false };
  if (kind < 5) return intOperand(randomInt(r));
  return floatOperand(randomFloat(r));
}

/** repr of a value of this layer: int, float, bool or a tuple of them. */
export function reprNum(v: Num | readonly Num[]): string {
  if (Array.isArray(v)) {
    const items = v.map((x) => reprNum(x));
    return items.length === 1 ? `(${items[0]},)` : `(${items.join(', ')})`;
  }
  if (typeof v === 'boolean') return v ? 'True' : 'False';
  if (typeof v === 'bigint') return intToStr(v);
  return floatRepr(v as number);
}
