import type { Theme } from '@kindred/api-client';

export function ThemeTags({ themes }: { themes: readonly Theme[] }) {
  if (themes.length === 0) return null;
  return (
    <ul className="tags" aria-label="Themes">
      {themes.map((theme) => (
        <li key={theme.id} className={`tag tag--${theme.group}`}>
          {theme.label}
        </li>
      ))}
    </ul>
  );
}
