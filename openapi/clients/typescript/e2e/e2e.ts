/**
 * End-to-end check of the TypeScript SDK against a running server, as a trade office would use it.
 *
 *     HKTE_BASE_URL=http://127.0.0.1:8000 HKTE_CLIENT_ID=... HKTE_CLIENT_SECRET=... \
 *         npm run build && node dist/e2e/e2e.js
 *
 * The client needs `talent-list:read` and `events:read`. Everything goes through the SDK
 * (`../src/index.ts`); nothing here calls `fetch` itself. Exits 1 with the reason on the first
 * failed check and prints one summary line on success.
 */
import {
    HkteApiError,
    clientCredentials,
    createHkteClient,
    getToken,
    isOAuthError,
    pageThroughEvents,
    unwrap,
    type EventOut,
    type HkteClient,
    type LeadCreate,
} from "../src/index.js";

class CheckFailed extends Error {
    override readonly name = "CheckFailed";
}

function check(condition: unknown, message: string): asserts condition {
    if (!condition) {
        throw new CheckFailed(message);
    }
}

function env(name: string): string {
    const value = process.env[name];
    check(value, `${name} is not set (need HKTE_BASE_URL, HKTE_CLIENT_ID and HKTE_CLIENT_SECRET)`);
    return value;
}

const HAN = /\p{Script=Han}/u;

async function talentListInChinese(client: HkteClient): Promise<string> {
    const { data, error, response } = await client.GET("/v1/talent-list", {
        headers: { "Accept-Language": "zh-HK" },
    });
    check(data, `GET /v1/talent-list answered ${response.status}: ${JSON.stringify(error)}`);
    check(data.code === "2025", `the edition in force is ${data.code}, expected 2025`);
    const language = response.headers.get("Content-Language");
    check(language === "zh-Hant", `Accept-Language zh-HK gave Content-Language ${language}, expected zh-Hant`);
    const title = data.title["zh-Hant"];
    check(title && HAN.test(title), `the edition title in zh-Hant is ${JSON.stringify(title)}`);
    check(data.title.en === undefined, "texts came back in English too, expected zh-Hant only");
    const sector = data.sectors[0];
    check(sector, "the edition in force has no sectors");
    check(HAN.test(sector.name["zh-Hant"] ?? ""), `sector ${sector.code} has no Chinese name`);
    return `Talent List ${data.code} in ${language} (${data.sectors.length} sectors, ${data.profession_count} professions)`;
}

async function professionsInChinese(client: HkteClient): Promise<string> {
    const q = "精算";
    const found = await unwrap(
        client.GET("/v1/talent-list/professions", {
            params: { query: { q } },
            headers: { "Accept-Language": "zh-HK" },
        }),
    );
    check(found.edition === "2025", `professions were searched in edition ${found.edition}, expected 2025`);
    check(found.items.length > 0, `no profession matches q=${q}`);
    for (const profession of found.items) {
        const name = profession.name["zh-Hant"];
        check(name && HAN.test(name), `profession ${profession.code} has no Traditional Chinese name`);
    }
    check(
        found.items.some((p) => p.name["zh-Hant"]?.includes(q)),
        `no profession named with ${q}: ${found.items.map((p) => p.name["zh-Hant"]).join(", ")}`,
    );
    const names = found.items.map((p) => p.name["zh-Hant"]).join("、");
    return `${found.items.length} profession(s) for q=${q} (${names})`;
}

async function everyEvent(client: HkteClient): Promise<{ summary: string; first: EventOut }> {
    const limit = 7;
    const ids = new Set<string>();
    let pages = 0;
    let first: EventOut | undefined;
    let previousStart = -Infinity;
    for await (const page of pageThroughEvents(client, { limit })) {
        pages += 1;
        check(page.items.length <= limit, `page ${pages} has ${page.items.length} events, more than limit=${limit}`);
        check(page.items.length > 0 || pages === 1, `page ${pages} is empty although the previous had a cursor`);
        for (const event of page.items) {
            check(!ids.has(event.id), `event ${event.id} is listed twice (again on page ${pages})`);
            ids.add(event.id);
            const start = Date.parse(event.starts_at);
            check(start >= previousStart, `event ${event.id} starts before the one listed before it`);
            previousStart = start;
            first ??= event;
        }
    }
    check(pages > 1, `all ${ids.size} events came on ${pages} page(s) of ${limit}; expected more than one page`);
    check(first, "no events listed");
    return { summary: `${ids.size} events over ${pages} pages of ${limit}`, first };
}

async function oneEvent(client: HkteClient, listed: EventOut): Promise<string> {
    const { data, error, response } = await client.GET("/v1/events/{event_id}", {
        params: { path: { event_id: listed.id } },
    });
    check(data, `GET /v1/events/${listed.id} answered ${response.status}: ${JSON.stringify(error)}`);
    check(data.id === listed.id, `asked for event ${listed.id}, got ${data.id}`);
    check(data.title.en === listed.title.en, `event ${listed.id} has another title than in the list`);
    check(response.headers.get("ETag"), `GET /v1/events/${listed.id} has no ETag`);
    return `event ${data.id}`;
}

async function badFilter(client: HkteClient): Promise<string> {
    const { data, error, response } = await client.GET("/v1/events", {
        params: { query: { from: "next tuesday" } },
    });
    check(data === undefined && error, `from=next tuesday was accepted (${response.status})`);
    check(response.status === 400, `from=next tuesday answered ${response.status}, expected 400`);
    const type = response.headers.get("Content-Type") ?? "";
    check(type.startsWith("application/problem+json"), `the 400 came as ${type}, expected problem+json`);
    // `error` is typed from the document: the Problem schema of every error response.
    check(error.status === 400, `the problem says status ${error.status}`);
    const field = error.errors?.[0]?.field;
    check(field === "from", `the problem names ${JSON.stringify(field)}, expected "from": ${JSON.stringify(error)}`);
    return `bad filter -> 400 naming ${field}`;
}

async function leadSubmittedReplayedAndRead(client: HkteClient): Promise<string> {
    const ref = `ts-${crypto.randomUUID()}`;
    const body: LeadCreate = {
        person: {
            given_name: "Wing",
            family_name: "Lee",
            email: `${ref}@example.org`,
            residence_country: "CA",
        },
        profession: "actuaries",
        years_of_experience: 6,
        highest_qualification: "FSA",
        external_ref: ref,
        consent: {
            notice_version: "PICS-2026-01",
            notice_language: "en",
            purposes: ["talent_attraction"],
            method: "online_form",
            collected_at: new Date().toISOString(),
            collected_by: "Toronto ETO web form",
        },
    };
    const key = crypto.randomUUID();
    const submit = () =>
        client.POST("/v1/leads", { body, params: { header: { "Idempotency-Key": key } } });
    const first = await submit();
    check(first.data, `POST /v1/leads answered ${first.response.status}: ${JSON.stringify(first.error)}`);
    check(first.response.status === 201, `POST /v1/leads answered ${first.response.status}, expected 201`);
    const again = await submit();
    check(again.data?.id === first.data.id, "the replay with the same key gave another lead");
    check(again.response.headers.get("Idempotent-Replayed") === "true", "the replay is not marked as one");
    const read = await client.GET("/v1/leads/{lead_id}", { params: { path: { lead_id: first.data.id } } });
    check(read.data?.status === "received", `the lead's status is ${read.data?.status}`);
    return `lead ${first.data.id} submitted, replayed, read (${read.data.status})`;
}

async function wrongSecret(baseUrl: string, clientId: string): Promise<string> {
    try {
        await getToken(baseUrl, clientId, "not-the-secret");
    } catch (caught) {
        check(caught instanceof HkteApiError, `a wrong secret threw ${String(caught)}`);
        check(caught.status === 401, `a wrong secret answered ${caught.status}, expected 401`);
        check(isOAuthError(caught.body) && caught.body.error === "invalid_client", `a wrong secret: ${caught.message}`);
        return "wrong secret -> 401 invalid_client";
    }
    throw new CheckFailed("a wrong client secret got a token");
}

async function tokenSource(baseUrl: string, clientId: string, clientSecret: string): Promise<string> {
    const source = clientCredentials(baseUrl, clientId, clientSecret, ["events:read"]);
    const client = createHkteClient(baseUrl, source, { language: "en" });
    const page = await unwrap(client.GET("/v1/events", { params: { query: { limit: 1 } } }));
    check(page.items.length === 1, "a client with a token source listed no event");
    const { error, response } = await client.GET("/v1/talent-list");
    check(response.status === 403 && error, `a token without talent-list:read answered ${response.status}`);
    check(await source() === (await source()), "the token source asked for a new token on every call");
    return "token source with events:read only -> 403 on the Talent List";
}

async function main(): Promise<void> {
    const baseUrl = env("HKTE_BASE_URL");
    const clientId = env("HKTE_CLIENT_ID");
    const clientSecret = env("HKTE_CLIENT_SECRET");

    const token = await getToken(baseUrl, clientId, clientSecret);
    check(token.token_type.toLowerCase() === "bearer", `token_type is ${token.token_type}`);
    const scopes = token.scope.split(" ");
    for (const needed of ["talent-list:read", "events:read"]) {
        check(scopes.includes(needed), `the token lacks ${needed} (it has: ${token.scope})`);
    }
    const client = createHkteClient(baseUrl, token.access_token);

    const done = [`token (${scopes.length} scopes)`];
    done.push(await talentListInChinese(client));
    done.push(await professionsInChinese(client));
    const events = await everyEvent(client);
    done.push(events.summary);
    done.push(await oneEvent(client, events.first));
    done.push(await badFilter(client));
    done.push(await wrongSecret(baseUrl, clientId));
    done.push(await tokenSource(baseUrl, clientId, clientSecret));

    done.push(await leadSubmittedReplayedAndRead(client));

    console.log(`e2e OK: ${done.join("; ")}`);
}

main().catch((failure: unknown) => {
    if (failure instanceof CheckFailed) {
        console.error(`e2e FAILED: ${failure.message}`);
    } else if (failure instanceof HkteApiError) {
        console.error(`e2e FAILED: the API refused a call: ${failure.message}`);
    } else if (failure instanceof TypeError && failure.cause instanceof Error) {
        console.error(`e2e FAILED: cannot reach ${process.env["HKTE_BASE_URL"]}: ${failure.message} (${failure.cause.message})`);
    } else {
        console.error("e2e FAILED with an unexpected error:", failure);
    }
    process.exitCode = 1;
});
