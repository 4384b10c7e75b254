export * from './privacy.util';
export * from './distance.util';
export * from './bbox.util';
export * from './grid.util';
