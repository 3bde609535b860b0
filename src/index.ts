export * from './core/versions';
export * from './tunnel';
export * from './access';
export * from './network';
export * from './cluster';
export * from './service';
