// Public API of this area; filled in by the area's constructs.
export {};
