import { fireEvent, render, screen } from '@testing-library/react';
import { GapsControls, type GapsControlsProps } from './GapsControls';

const indicators = [
  { id: 'a', name: 'Children in low-income families (illustrative sample)' },
  { id: 'b', name: 'Fuel poverty' },
];

function setup(overrides: Partial<GapsControlsProps> = {}) {
  const props: GapsControlsProps = { shown: false, onShownChange: jest.fn(), indicators, indicatorId: null, onIndicatorChange: jest.fn(), ...overrides };
  render(<GapsControls {...props} />);
  return props;
}

describe('GapsControls', () => {
  it('switches the need layer on and off', () => {
    const props = setup();
    const toggle = screen.getByRole('checkbox', { name: 'Show need (gaps)' }) as HTMLInputElement;
    expect(toggle.checked).toBe(false);
    fireEvent.click(toggle);
    expect(props.onShownChange).toHaveBeenCalledWith(true);
  });

  it('offers the indicators once shown, the first chosen by default', () => {
    const props = setup({ shown: true });
    const select = screen.getByRole('combobox', { name: 'Need indicator' }) as HTMLSelectElement;
    expect(select.disabled).toBe(false);
    expect(select.value).toBe('a');
    fireEvent.change(select, { target: { value: 'b' } });
    expect(props.onIndicatorChange).toHaveBeenCalledWith('b');
  });

  it('disables the choice while hidden', () => {
    setup({ shown: false, indicatorId: 'b' });
    const select = screen.getByRole('combobox', { name: 'Need indicator' }) as HTMLSelectElement;
    expect(select.disabled).toBe(true);
    expect(select.value).toBe('b');
  });

  it('explains an empty list and cannot be switched on', () => {
    setup({ indicators: [] });
    expect(screen.getByText('No need indicators have been imported yet.')).toBeTruthy();
    expect((screen.getByRole('checkbox', { name: 'Show need (gaps)' }) as HTMLInputElement).disabled).toBe(true);
  });
});
