import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** One in-app notification for one user. `payload` is the producer's own data, by `type`. */
@Entity('notifications')
export class NotificationEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'user_id' })
  userId!: string;

  @Column('text')
  type!: string;

  @Column('text')
  message!: string;

  @Column('text', { nullable: true })
  link!: string | null;

  @Column('jsonb', { default: () => `'{}'::jsonb` })
  payload!: Record<string, unknown>;

  @Column('text', { name: 'dedupe_key', nullable: true })
  dedupeKey!: string | null;

  @Column('boolean', { name: 'email_digest', default: false })
  emailDigest!: boolean;

  @Column('timestamptz', { name: 'digested_at', nullable: true })
  digestedAt!: Date | null;

  @Column('timestamptz', { name: 'read_at', nullable: true })
  readAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
