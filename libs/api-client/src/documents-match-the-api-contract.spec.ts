import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSchema, Kind, validate, type DocumentNode, type GraphQLSchema } from 'graphql';
import * as client from './index';

const root = join(__dirname, '..', '..', '..');

/**
 * The SDL excerpts in docs/api.md are the contract the web and the API agreed on. The first holds
 * the core types; later ones (the map) add types and extend Query and Mutation.
 */
function contractSchema(): GraphQLSchema {
  const guide = readFileSync(join(root, 'docs', 'api.md'), 'utf8');
  const blocks = [...guide.matchAll(/```graphql\n([\s\S]*?)```/g)].map((m) => m[1] ?? '');
  if (blocks.length === 0) throw new Error('docs/api.md has no ```graphql block');
  const sdl = blocks.map((block, i) => (i === 0 ? block : block.replace(/^type (Query|Mutation)\b/gm, 'extend type $1'))).join('\n');
  return buildSchema(`scalar DateTime\n${sdl}`);
}

/** Once the API writes out its schema (GRAPHQL_SCHEMA_FILE), the documents must match it too. */
function schemas(): [string, GraphQLSchema][] {
  const list: [string, GraphQLSchema][] = [['docs/api.md', contractSchema()]];
  const generated = join(root, 'libs', 'api-client', 'schema.graphql');
  if (existsSync(generated)) list.push(['schema.graphql', buildSchema(readFileSync(generated, 'utf8'))]);
  return list;
}

function isDocument(value: unknown): value is DocumentNode {
  return typeof value === 'object' && value !== null && (value as { kind?: unknown }).kind === Kind.DOCUMENT;
}

const operations = Object.entries(client).filter(
  (entry): entry is [string, DocumentNode] =>
    isDocument(entry[1]) && entry[1].definitions.some((d) => d.kind === Kind.OPERATION_DEFINITION),
);

describe('api-client documents', () => {
  it('exports an operation for everything the web app does', () => {
    expect(operations.map(([name]) => name).sort()).toEqual(
      [
        'DELETE_ACCOUNT', 'DELETE_PROJECT', 'EXPORT_MY_DATA', 'HEATMAP', 'MAP_PROJECTS', 'MAP_SUMMARY', 'ME', 'MY_PROJECTS',
        'PEERS', 'PLACES', 'PROJECT', 'SIMILAR_PROJECTS', 'PROJECTS', 'REFRESH_SESSION', 'REGISTER_PROJECT', 'SIGN_IN', 'SIGN_OUT', 'SIGN_UP',
        'UPDATE_PROFILE', 'UPDATE_PROJECT',
        // Alerts and notifications.
        'CREATE_ALERT', 'DELETE_ALERT', 'MARK_ALL_NOTIFICATIONS_READ', 'MARK_NOTIFICATIONS_READ', 'MY_ALERTS', 'MY_NOTIFICATIONS',
        'UNREAD_NOTIFICATION_COUNT', 'UPDATE_ALERT',
        // Gaps: need indicators.
        'DELETE_INDICATOR', 'GAP_LAYER', 'IMPORT_INDICATOR', 'INDICATORS',
        // Conversations.
        'ACCEPT_MESSAGE_REQUEST', 'CONVERSATION', 'CONVERSATION_MESSAGES', 'CREATE_GROUP_CONVERSATION', 'DECLINE_MESSAGE_REQUEST',
        'DELETE_MESSAGE', 'EDIT_MESSAGE', 'LEAVE_CONVERSATION', 'MARK_CONVERSATION_READ', 'MESSAGING_SETTINGS', 'MY_CONVERSATIONS',
        'REACT_TO_MESSAGE', 'SEND_MESSAGE', 'START_DIRECT_CONVERSATION', 'UNREAD_MESSAGE_COUNT', 'UPDATE_MESSAGING_SETTINGS',
        // Moderation and blocks.
        'BLOCK_USER', 'MODERATION_QUEUE', 'MY_BLOCKS', 'PROJECT_MODERATION_STATUS', 'REPORT_CONTENT', 'RESOLVE_REPORT', 'UNBLOCK_USER',
        // WHAMinars.
        'ADD_WEBINAR_RESOURCE', 'CALENDAR_FEED_URL', 'CANCEL_WEBINAR', 'CANCEL_WEBINAR_REGISTRATION', 'CHECK_IN_TO_WEBINAR',
        'CLOSE_WEBINAR_THREAD', 'CREATE_WEBINAR', 'FINISH_WEBINAR', 'MARK_WEBINAR_ATTENDANCE', 'PIN_WEBINAR_MESSAGE', 'PUBLISH_WEBINAR',
        'RECOMMENDED_WEBINARS', 'REGISTER_FOR_WEBINAR', 'REMOVE_WEBINAR_RESOURCE', 'REOPEN_WEBINAR_THREAD', 'RESET_CALENDAR_FEED_TOKEN',
        'UPDATE_WEBINAR', 'WEBINAR', 'WEBINARS', 'WEBINARS_IN_BBOX', 'WEBINAR_REGISTRATIONS',
      ].sort(),
    );
  });

  it('names every operation once, so logs and mocks can tell them apart', () => {
    const names = operations.flatMap(([, doc]) =>
      doc.definitions.flatMap((d) => (d.kind === Kind.OPERATION_DEFINITION ? [d.name?.value] : [])),
    );
    expect(names.every(Boolean)).toBe(true);
    expect(new Set(names).size).toBe(names.length);
  });

  describe.each(schemas())('against %s', (_source, schema) => {
    it.each(operations)('%s is valid', (_name, doc) => {
      expect(validate(schema, doc).map((e) => e.message)).toEqual([]);
    });
  });
});
