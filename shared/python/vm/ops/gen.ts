/**
 * Running generators: send (also next), throw and close (genobject.c 3.11). The generator's
 * frame runs on top of the caller's; its handled-exception state is swapped in while it runs.
 */
import { PyRaise, raise } from '../errors.ts';
import { decref, type PyObject } from '../object.ts';
import { none, S } from '../scalars.ts';
import { PyGenerator, genHooks } from '../generator.ts';
import { EXC } from '../registry.ts';
import { vm } from '../state.ts';
import { runFrame, YIELDED } from '../eval/loop.ts';
import { makeException, setContext } from './exc.ts';
import { callSpecial } from './call.ts';
import { iterNext } from './iter.ts';

export interface SendResult {
  done: boolean;
  value: PyObject;
}

function resume(g: PyGenerator, value: PyObject | null, exc: PyObject | null): SendResult {
  if (g.state === 'running') {
    if (value) decref(value);
    raise('ValueError', 'generator already executing');
  }
  if (g.state === 'closed') {
    if (value) decref(value);
    if (exc) throw new PyRaise(exc);
    return { done: true, value: none() };
  }
  const frame = g.frame;
  if (value) frame.stack.push(value);
  frame.back = vm.frame;
  const saved = vm.excInfo;
  vm.excInfo = g.excState;
  g.excState = null;
  g.state = 'running';
  try {
    const r = runFrame(frame, exc);
    if (YIELDED.flag) {
      YIELDED.flag = false;
      g.state = 'suspended';
      return { done: false, value: r };
    }
    g.finish();
    return { done: true, value: r };
  } catch (e) {
    g.finish();
    if (e instanceof PyRaise && e.exc.type.isSubtype(EXC.StopIteration!)) {
      const err = makeException('RuntimeError', 'generator raised StopIteration');
      err.cause = e.exc;
      err.suppressContext = true;
      throw new PyRaise(err);
    }
    throw e;
  } finally {
    g.excState = vm.excInfo;
    vm.excInfo = saved;
    frame.back = null;
    if (g.state === 'running') g.state = 'suspended';
  }
}

/** gen.send(value) / next(gen) (value None); `value` is stolen. */
export function genSend(receiver: PyObject, value: PyObject): SendResult {
  if (receiver instanceof PyGenerator) {
    if (receiver.state === 'created' && value !== S.None) {
      decref(value);
      raise('TypeError', "can't send non-None value to a just-started generator");
    }
    return resume(receiver, receiver.state === 'created' ? (decref(value), none()) : value, null);
  }
  if (value === S.None) {
    decref(value);
    const v = iterNext(receiver);
    return v === null ? { done: true, value: none() } : { done: false, value: v };
  }
  try {
    const r = callSpecial(receiver, 'send', [value]);
    if (!r) raise('AttributeError', `'${receiver.type.name}' object has no attribute 'send'`);
    return { done: false, value: r };
  } finally {
    decref(value);
  }
}

/** gen.throw(exc): raises `exc` (owned) at the suspension point. */
export function genThrow(g: PyGenerator, exc: PyObject): SendResult {
  if (g.state === 'created') {
    g.finish();
    throw new PyRaise(setContext(exc));
  }
  return resume(g, null, exc);
}

/** gen.close(): GeneratorExit at the suspension point; a value yielded back is a RuntimeError. */
export function genClose(g: PyGenerator): void {
  if (g.state === 'created') {
    g.finish();
    return;
  }
  if (g.state === 'closed') return;
  try {
    const r = genThrow(g, makeException('GeneratorExit', null));
    if (!r.done) {
      decref(r.value);
      raise('RuntimeError', 'generator ignored GeneratorExit');
    }
    decref(r.value);
  } catch (e) {
    if (
      e instanceof PyRaise &&
      (e.exc.type === EXC.GeneratorExit || e.exc.type.isSubtype(EXC.StopIteration!))
    ) {
      decref(e.exc);
      return;
    }
    throw e;
  }
}

genHooks.close = genClose;
