import '../testing/jsdom-polyfills';
import { fireEvent, render, screen } from '@testing-library/react';
import { MessageComposer } from './MessageComposer';

const people = [
  { id: 'u2', displayName: 'Sam Okafor' },
  { id: 'u3', displayName: 'Dr Asha Patel' },
  { id: 'u4', displayName: 'Priya Shah' },
];

function setup() {
  const onSend = jest.fn();
  const onTyping = jest.fn();
  render(<MessageComposer candidates={people} replyTo={null} onCancelReply={jest.fn()} onSend={onSend} onTyping={onTyping} />);
  const box = screen.getByRole('textbox', { name: 'Write a message' }) as HTMLTextAreaElement;
  const type = (value: string) => fireEvent.change(box, { target: { value, selectionStart: value.length } });
  const key = (k: string, init: Partial<KeyboardEventInit> = {}) => fireEvent.keyDown(box, { key: k, ...init });
  return { onSend, onTyping, box, type, key };
}

const options = () => screen.queryAllByRole('option').map((o) => o.textContent);
const active = () => screen.getAllByRole('option').find((o) => o.getAttribute('aria-selected') === 'true')?.textContent;

describe('message composer: mentions autocomplete', () => {
  it('lists the matching members after "@" and a few letters', () => {
    const { box, type, onTyping } = setup();
    type('Hello @s');
    expect(screen.getByRole('listbox', { name: 'People to mention' })).toBeTruthy();
    expect(options()).toEqual(['Sam Okafor', 'Priya Shah']);
    expect(active()).toBe('Sam Okafor');
    expect(box.getAttribute('aria-activedescendant')).toBe(screen.getAllByRole('option')[0]!.id);
    expect(screen.getByRole('status').textContent).toMatch(/^2 people match/);
    expect(onTyping).toHaveBeenCalled();
  });

  it('moves with the arrow keys (wrapping) and inserts the chosen name with Enter', () => {
    const { box, type, key, onSend } = setup();
    type('Thanks @s');
    key('ArrowDown');
    expect(active()).toBe('Priya Shah');
    key('ArrowDown');
    expect(active()).toBe('Sam Okafor');
    key('ArrowUp');
    expect(active()).toBe('Priya Shah');
    key('Enter');
    expect(box.value).toBe('Thanks @Priya Shah ');
    expect(screen.queryByRole('listbox')).toBeNull();
    expect(onSend).not.toHaveBeenCalled(); // Enter chose a name; it did not send

    fireEvent.change(box, { target: { value: 'Thanks @Priya Shah for this', selectionStart: 27 } });
    key('Enter');
    expect(onSend).toHaveBeenCalledWith('Thanks @Priya Shah for this', ['u4']);
    expect(box.value).toBe('');
  });

  it('inserts with Tab too, and several mentions travel as ids', () => {
    const { box, type, key, onSend } = setup();
    type('@asha');
    key('Tab');
    expect(box.value).toBe('@Dr Asha Patel ');
    type('@Dr Asha Patel and @ok');
    expect(options()).toEqual(['Sam Okafor']);
    key('Tab');
    expect(box.value).toBe('@Dr Asha Patel and @Sam Okafor ');
    fireEvent.click(screen.getByRole('button', { name: 'Send' }));
    expect(onSend).toHaveBeenCalledWith('@Dr Asha Patel and @Sam Okafor', ['u3', 'u2']);
  });

  it('closes the list with Escape and keeps what was typed', () => {
    const { box, type, key } = setup();
    type('See @pri');
    expect(options()).toEqual(['Priya Shah']);
    key('Escape');
    expect(screen.queryByRole('listbox')).toBeNull();
    expect(box.value).toBe('See @pri');
    expect(box.getAttribute('aria-activedescendant')).toBeNull();
    // Enter now sends; a name removed from the text is not mentioned.
    key('Enter');
  });

  it('chooses with the mouse without losing focus', () => {
    const { box, type } = setup();
    box.focus();
    type('@p');
    fireEvent.mouseDown(screen.getByRole('option', { name: 'Dr Asha Patel' }));
    expect(box.value).toBe('@Dr Asha Patel ');
    expect(document.activeElement).toBe(box);
  });

  it('does not send an empty message, and Shift+Enter is a new line', () => {
    const { type, key, onSend } = setup();
    type('   ');
    key('Enter');
    expect(onSend).not.toHaveBeenCalled();
    expect(screen.getByRole('alert').textContent).toBe('Write a message first.');
    type('Line one');
    key('Enter', { shiftKey: true });
    expect(onSend).not.toHaveBeenCalled();
  });
});
