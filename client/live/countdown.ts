/**
 * A round's countdown that stays one element: the text is updated in place (never rebuilt, so
 * nothing next to it loses a tap), and between the server's once-a-second patches it counts down
 * locally from the last mirrored `remainingMs`, so the last seconds read 0:03, 0:02, 0:01 on time.
 */
import { clock, el } from './dom.ts';
import { icon } from './icons.ts';

export class Countdown {
  readonly node: HTMLElement;
  private readonly text: Text;
  private deadline = 0;
  private running = false;
  private timer = 0;

  constructor(id: string, cls = 'live-big live-countdown') {
    this.node = el('p', { id, class: cls, role: 'timer' });
    this.text = document.createTextNode('');
    this.node.append(icon('timer'), ' ', this.text);
    this.node.hidden = true;
  }

  /** Mirror the server: `remainingMs` left; counting only while `running` (not paused). */
  set(shown: boolean, remainingMs: number, running: boolean): void {
    this.node.hidden = !shown;
    this.deadline = performance.now() + remainingMs;
    this.running = shown && running;
    this.node.classList.toggle('paused', shown && !running);
    this.paint(remainingMs);
    if (this.running && !this.timer) this.timer = window.setInterval(() => this.tick(), 200);
    if (!this.running) this.stop();
  }

  stop(): void {
    window.clearInterval(this.timer);
    this.timer = 0;
  }

  private tick(): void {
    if (!this.node.isConnected) return this.stop();
    this.paint(Math.max(0, this.deadline - performance.now()));
  }

  private paint(ms: number): void {
    const next = clock(ms);
    if (this.text.data !== next) this.text.data = next;
    this.node.classList.toggle('last-seconds', this.running && ms <= 5000);
  }
}
