// twitter-api-v2 (npm) signing the request of signing_request.json as its request maker does for an OAuth 1.0a
// client: OAuth1Helper.authorize() over the URL and the merged query and form parameters, then toHeader().
// The helper is not exported by the package's index, so it is loaded from the file the client itself uses.
'use strict';
const path = require('path');
const OAuth1Helper = require('twitter-api-v2/dist/cjs/client-mixins/oauth1.helper').default;
const { medianUsPerOp, emit } = require('./timing');

const r = require(path.join(__dirname, 'signing_request.json'));
const url = new URL(r.url);
for (const [k, v] of r.query) url.searchParams.set(k, v);
const data = Object.fromEntries([...r.query, ...r.form]);
const helper = new OAuth1Helper({ consumerKeys: { key: r.consumer_key, secret: r.consumer_secret } });
const tokens = { key: r.access_token, secret: r.access_token_secret };

function sign() {
  const auth = helper.authorize({ url: url.toString(), method: r.method, data }, tokens);
  const header = helper.toHeader(auth).Authorization;
  if (!header.startsWith('OAuth ')) throw new Error('not an OAuth header');
}

emit({ bench: 'signing', subject: 'twitter-api-v2', metric: 'us_per_signature',
       value: Math.round(medianUsPerOp(sign) * 100) / 100 });
