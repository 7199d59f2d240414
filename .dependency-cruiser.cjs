// The boundaries the code keeps, checked in CI (`npm run lint:deps`). Layers, lowest first:
//   platform → event-store → projections → review → {views, audit, publication, seeds} → core → apps
// auth, backup and testing sit on platform. A lib is reached only through its barrel (`@kensho/<lib>`).
const READ_SIDE = '(views|audit|publication)';

/** Forbids `from` any of the layers at or below `lib` reaching into one of `upper`. */
const noUpward = (lib, upper) => ({
  name: `${lib}-not-upward`,
  comment: `${lib} sits below ${upper.join(', ')}: a lower layer never imports a higher one`,
  severity: 'error',
  from: { path: `^libs/${lib}/` },
  to: { path: `^(libs/(${upper.join('|')})/|apps/)` },
});

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'A cycle makes load order and layering meaningless (type-only imports vanish when compiled, so they may close one)',
      severity: 'error',
      from: {},
      to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } },
    },
    {
      name: 'domain-is-pure',
      comment:
        'The domain (deciders, evolve, values) imports nothing outside itself but deterministic Node built-ins ' +
        '(node:crypto for ids derived by hashing): no Nest, no I/O, no other lib',
      severity: 'error',
      from: { path: '^libs/review/src/domain/' },
      to: {
        pathNot: ['^libs/review/src/domain/', '^crypto$', '^node:crypto$', '@jest/globals'],
      },
    },
    {
      name: 'platform-imports-no-lib',
      comment: 'platform is the base every lib stands on; it knows none of them',
      severity: 'error',
      from: { path: '^libs/platform/' },
      to: { path: '^libs/(?!platform/)' },
    },
    {
      name: 'read-side-no-sideways',
      comment: 'The read-side libs (views, audit, publication) stand side by side; what two need goes a layer down',
      severity: 'error',
      from: { path: `^libs/${READ_SIDE}/` },
      to: { path: `^libs/${READ_SIDE}/`, pathNot: '^libs/$1/' },
    },
    {
      name: 'read-side-reads-the-log-only',
      comment: 'Projections, queries and renderers take what they show from the log, never from seed files (issue #15.1)',
      severity: 'error',
      from: { path: `^libs/${READ_SIDE}/` },
      to: { path: '^libs/seeds/' },
    },
    {
      name: 'web-reaches-only-the-pure-domain',
      comment:
        'The staff web app runs in the browser: of the libs it may use only the review domain (labels, values, types), ' +
        'pure by domain-is-pure, never a barrel that would pull Nest or pg into the bundle (apps/web/src/domain.ts is its one door)',
      severity: 'error',
      from: { path: '^apps/web/' },
      to: { path: '^(libs/|apps/(?!web/))', pathNot: '^libs/review/src/domain/' },
    },
    {
      name: 'libs-through-barrels',
      comment: 'Another lib is reached only through its barrel (src/index.ts), never a file inside it (the web app: see above)',
      severity: 'error',
      from: { path: '^(libs/([^/]+)|apps/(?!web/)[^/]+)/' },
      to: { path: '^libs/([^/]+)/src/(?!index\\.ts$|testing/index\\.ts$)', pathNot: '^libs/$2/' },
    },
    {
      name: 'testing-entries-in-specs-only',
      comment:
        "A lib's testing entry (`@kensho/<lib>/testing`, e.g. the in-memory event store) is for specs: " +
        'production code would lose its data on restart (and the build leaves testing/ folders out)',
      severity: 'error',
      from: { pathNot: ['\\.(spec|e2e-spec)\\.ts$', '/testing/'] },
      to: { path: '^libs/[^/]+/src/testing/' },
    },
    noUpward('platform', ['event-store', 'projections', 'review', 'views', 'audit', 'publication', 'seeds', 'core', 'auth', 'testing']),
    noUpward('event-store', ['projections', 'review', 'views', 'audit', 'publication', 'seeds', 'core', 'auth']),
    noUpward('projections', ['review', 'views', 'audit', 'publication', 'seeds', 'core', 'auth']),
    noUpward('review', ['views', 'audit', 'publication', 'seeds', 'core']),
    noUpward('auth', ['event-store', 'projections', 'review', 'views', 'audit', 'publication', 'seeds', 'core']),
    noUpward('(views|audit|publication|seeds)', ['core']),
    noUpward('backup', ['event-store', 'projections', 'review', 'views', 'audit', 'publication', 'seeds', 'core', 'auth']),
    {
      name: 'libs-never-import-apps',
      severity: 'error',
      from: { path: '^libs/' },
      to: { path: '^apps/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)dist/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'], extensions: ['.ts', '.tsx', '.js', '.mjs'] },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
