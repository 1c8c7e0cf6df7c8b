/**
 * "Where each reference comes from" on a line that prints `sys.getrefcount(x)` in the Playground
 * (client/playground/overlay.ts over a VM trace): the parts add up to the number CPython prints.
 */
import { describe, expect, it } from 'vitest';
import { refcountLineNote } from '../../client/playground/refNotes.ts';
import { nameStep } from '../../client/playground/toEngine.ts';
import { EMPTY_BOOK } from '../../client/view/names.ts';
import { stepOver } from '../../shared/python/vm/snapshot.ts';
import { recordTrace } from '../../shared/python/vm/trace.ts';

/** The note on every getrefcount line of a run, and what that line printed. */
function notes(source: string): [string | null, string][] {
  const tr = recordTrace(source);
  expect(tr.error).toBeNull();
  const names = tr.steps.reduce(nameStep, EMPTY_BOOK);
  const lines = source.split('\n');
  return tr.steps.flatMap((step, i) => {
    const code = lines[step.line - 1] ?? '';
    if (step.event !== 'line' || !code.includes('getrefcount')) return [];
    const printed = tr.steps[stepOver(tr, i)]!.stdout.slice(step.stdout.length);
    return [[refcountLineNote(step, code.trim(), names, printed), printed]];
  });
}

describe('where a printed refcount comes from', () => {
  it('the seed example: a name, the code’s constant, the AST arena and the argument make 4', () => {
    expect(notes('import sys\nx = "Hello"\nprint(sys.getrefcount(x))\n')).toEqual([
      [
        'sys.getrefcount(x) prints 4 = x + a constant in <module>’s code + the parser’s AST arena (it keeps the literal until the module finishes) + getrefcount’s own argument.',
        '4\n',
      ],
    ]);
  });

  it('an instance: its name and a bound method’s __self__; a class: its name and each instance', () => {
    const source = `import sys


class Person:
    def __init__(self, name):
        self.name = name

    def greet(self):
        return "hi " + self.name


p = Person("Ada")
g = p.greet
print(sys.getrefcount(p))
print(sys.getrefcount(Person))
`;
    expect(notes(source)).toEqual([
      ['sys.getrefcount(p) prints 3 = p + method①.__self__ + getrefcount’s own argument.', '3\n'],
      [
        'sys.getrefcount(Person) prints 6 = Person + Person①.__class__ + 3 more references the picture does not draw (kept by the interpreter itself) + getrefcount’s own argument.',
        '6\n',
      ],
    ]);
  });

  it('inside a function: the caller’s name, the parameter, and the function’s own constant', () => {
    const source = `import sys


def show(item):
    label = "tag"
    print(sys.getrefcount(item), sys.getrefcount(label))


data = [1, 2]
show(data)
`;
    const [note, printed] = notes(source)[0]!;
    expect(printed).toBe('3 4\n');
    expect(note).toBe(
      'sys.getrefcount(item) prints 3 = data + show(): item + getrefcount’s own argument.',
    );
  });

  it('claims no sum the line does not print', () => {
    const [note] = notes('import sys\nx = []\nprint(sys.getrefcount(x) - 1)\n')[0]!;
    expect(note).toBe('list①: rc 1 = x sys.getrefcount() prints one more: its own argument.');
  });
});
