import { useState } from 'react';
import { fireEvent, render, screen } from '@testing-library/react';
import type { ThemeId } from '@kindred/domain';
import { ThemePicker } from './ThemePicker';

function Harness({ initial = [] as ThemeId[], max }: { initial?: ThemeId[]; max?: number }) {
  const [value, setValue] = useState<ThemeId[]>(initial);
  return (
    <>
      <ThemePicker idPrefix="t" legend="Themes" value={value} onChange={setValue} max={max} />
      <output data-testid="value">{value.join(',')}</output>
    </>
  );
}

const box = (name: string) => screen.getByRole('checkbox', { name }) as HTMLInputElement;

describe('ThemePicker', () => {
  it('shows all 28 themes in their two groups', () => {
    render(<Harness max={5} />);
    expect(screen.getAllByRole('checkbox')).toHaveLength(28);
    const determinants = screen.getByRole('group', { name: 'Determinants of health' });
    const approaches = screen.getByRole('group', { name: 'Approaches' });
    expect(determinants.querySelectorAll('input[type=checkbox]')).toHaveLength(17);
    expect(approaches.querySelectorAll('input[type=checkbox]')).toHaveLength(11);
  });

  it('counts the chosen themes live', () => {
    render(<Harness max={5} />);
    expect(screen.getByText('0 of 5 chosen')).toBeTruthy();
    fireEvent.click(box('Housing'));
    fireEvent.click(box('Social prescribing'));
    fireEvent.click(box('Food insecurity'));
    expect(screen.getByText('3 of 5 chosen')).toBeTruthy();
    // Kept in taxonomy order, not click order.
    expect(screen.getByTestId('value').textContent).toBe('housing,food-insecurity,social-prescribing');
  });

  it('refuses a sixth theme and says why', () => {
    render(<Harness max={5} initial={['child-poverty', 'housing', 'food-insecurity', 'fuel-poverty', 'employment']} />);
    expect(screen.getByText('5 of 5 chosen')).toBeTruthy();
    fireEvent.click(box('Mental health'));
    expect(box('Mental health').checked).toBe(false);
    expect(screen.getByText('5 of 5 chosen')).toBeTruthy();
    expect(screen.getByText(/You can choose up to 5 themes/)).toBeTruthy();
    expect(screen.getByTestId('value').textContent).toBe('child-poverty,housing,food-insecurity,fuel-poverty,employment');
  });

  it('lets a theme be swapped once one is unticked', () => {
    render(<Harness max={5} initial={['child-poverty', 'housing', 'food-insecurity', 'fuel-poverty', 'employment']} />);
    fireEvent.click(box('Housing'));
    fireEvent.click(box('Mental health'));
    expect(box('Mental health').checked).toBe(true);
    expect(screen.queryByText(/You can choose up to 5 themes/)).toBeNull();
  });

  it('has no limit when used as a filter', () => {
    render(<Harness />);
    for (const name of ['Housing', 'Employment', 'Disability', 'Mental health', 'Digital exclusion', 'Social prescribing']) {
      fireEvent.click(box(name));
    }
    expect(screen.getByText('6 chosen')).toBeTruthy();
  });
});
