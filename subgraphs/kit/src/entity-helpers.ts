// Property definitions many entities share.
import { randomUUID } from 'node:crypto';
import { defineEntity } from '@mikro-orm/core';

/** A UUID primary key, generated when the entity is created. */
export const uuidPrimaryKey = () =>
  defineEntity.properties
    .uuid()
    .primary()
    .onCreate(() => randomUUID());
