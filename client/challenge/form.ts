/**
 * The Daily scene's DOM form in the side panel: nickname and optional class code. Inputs are real
 * form fields (keyboard, screen readers, mobile keyboards); values are read, never rendered as HTML.
 */
import { NICKNAME_MAX } from '../../shared/live/nickname.ts';
import { t } from '../i18n/index.ts';
import { el } from '../ui/dom.ts';

export class ChallengeForm {
  private readonly side = document.getElementById('side');
  readonly nickname: HTMLInputElement;
  readonly classCode: HTMLInputElement;
  private readonly message: HTMLElement;

  constructor(initial: { nickname: string; classCode: string }) {
    this.nickname = el('input', {
      id: 'daily-nickname',
      type: 'text',
      maxlength: String(NICKNAME_MAX),
      autocomplete: 'nickname',
      spellcheck: 'false',
    });
    this.classCode = el('input', {
      id: 'daily-class',
      type: 'text',
      maxlength: '16',
      autocomplete: 'off',
      spellcheck: 'false',
    });
    this.nickname.value = initial.nickname;
    this.classCode.value = initial.classCode;
    this.message = el('p', { id: 'daily-message', role: 'status' });
    const field = (label: string, input: HTMLInputElement): HTMLElement => {
      const box = el('div');
      input.style.cssText =
        'display:block;width:100%;font-size:1.1em;padding:0.4em;margin:0.3em 0 1em;box-sizing:border-box';
      box.append(el('label', { for: input.id }, label), input);
      return box;
    };
    if (this.side) {
      this.side.replaceChildren(
        field(t('daily.nickname'), this.nickname),
        field(t('daily.classCode'), this.classCode),
        this.message,
      );
      this.side.hidden = false;
    }
  }

  values(): { nickname: string; classCode: string } {
    return { nickname: this.nickname.value, classCode: this.classCode.value.trim() };
  }

  say(text: string): void {
    this.message.textContent = text;
  }

  destroy(): void {
    if (!this.side) return;
    this.side.replaceChildren();
    this.side.hidden = true;
  }
}
