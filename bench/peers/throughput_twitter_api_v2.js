// twitter-api-v2 (npm) throughput: client.v2.me() (OAuth 1.0a user context) from `concurrency` async loops
// against a twitter-emulator, through one keep-alive https.Agent of `concurrency` sockets. The client has no
// host setting, so its v2 prefix is pointed at the emulator; the emulator's CA is trusted through
// NODE_EXTRA_CA_CERTS (run.sh sets it) and the agent's `ca` as well.
//
// usage: node throughput_twitter_api_v2.js <seconds> <concurrency>, with the emulator's env file exported.
'use strict';
const fs = require('fs');
const https = require('https');
const { TwitterApi } = require('twitter-api-v2');
const { emit } = require('./timing');

const seconds = Number(process.argv[2]);
const concurrency = Number(process.argv[3]);
const env = process.env;
const agent = new https.Agent({ keepAlive: true, maxSockets: concurrency,
                                ca: fs.readFileSync(env.TWITTER_EMULATOR_CA) });
const client = new TwitterApi({ appKey: env.TWITTER_CONSUMER_KEY, appSecret: env.TWITTER_CONSUMER_SECRET,
                                accessToken: env.TWITTER_ACCESS_TOKEN,
                                accessSecret: env.TWITTER_ACCESS_TOKEN_SECRET },
                              { httpAgent: agent });
const v2 = client.v2;
v2._prefix = env.TWITTER_EMULATOR_URL + '/2/';

async function main() {
  const now = () => Number(process.hrtime.bigint()) / 1e9;
  // Every socket opened and one answer each before counting, as for the other clients.
  await Promise.all(Array.from({ length: concurrency }, () => v2.me()));
  let count = 0;
  const start = now();
  const stop = start + seconds;
  async function loop() {
    while (now() < stop) {
      const res = await v2.me();
      if (!res.data || !res.data.id) throw new Error('an answer without its user');
      if (now() < stop) ++count;
    }
  }
  await Promise.all(Array.from({ length: concurrency }, loop));
  emit({ bench: 'throughput', subject: 'twitter-api-v2', metric: 'requests_per_second',
         value: Math.round(count / seconds * 1000) / 1000 });
  agent.destroy();
}

main().catch((e) => { console.error(e); process.exit(1); });
