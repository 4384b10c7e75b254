import { tileSource } from './http-hardening';

describe('tile source for the CSP', () => {
  it('allows the tile host, any subdomain for {s}', () => {
    expect(tileSource('https://tile.openstreetmap.org/{z}/{x}/{y}.png')).toBe('https://tile.openstreetmap.org');
    expect(tileSource('https://{s}.tile.example.org:8443/{z}/{x}/{y}.png')).toBe('https://*.tile.example.org:8443');
  });

  it('adds nothing without tiles', () => {
    expect(tileSource('')).toBeNull();
    expect(tileSource('not a url')).toBeNull();
  });
});
