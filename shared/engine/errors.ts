/**
 * Namespaced error codes for rejected actions. A rejected action changes nothing; the code is for
 * programs (the Python runner maps some to CPython exceptions), the message is for players.
 */
export const ENGINE_ERRORS = {
  UnknownObject: 'heap/unknown_object',
  NotAContainer: 'heap/not_a_container',
  WrongKind: 'heap/wrong_kind',
  IndexOutOfRange: 'heap/index_out_of_range',
  KeyMissing: 'heap/key_missing',
  AttributeMissing: 'heap/attribute_missing',
  SlotNotDeclared: 'heap/slot_not_declared',
  PopFromEmpty: 'heap/pop_from_empty',
  NameUnbound: 'name/unbound',
  InvalidName: 'name/invalid',
  UnknownClass: 'class/unknown',
  ClassExists: 'class/exists',
  InvalidInt: 'value/int_out_of_range',
  NotWeakrefable: 'weakref/not_weakrefable',
  NotAWeakref: 'weakref/not_a_weakref',
  NoFrame: 'frame/no_call',
  BadArity: 'frame/bad_arity',
  BadGeneration: 'gc/bad_generation',
  BadThreshold: 'gc/bad_threshold',
  UnknownAction: 'action/unknown',
} as const;

export type EngineErrorCode = (typeof ENGINE_ERRORS)[keyof typeof ENGINE_ERRORS];

export interface EngineError {
  code: EngineErrorCode;
  /** A sentence a player can read ("list index out of range: the list has 2 items"). */
  message: string;
  /** The exception CPython raises for the same statement, when there is one (`IndexError: pop from empty list`). */
  python?: string;
}
