import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { MessagePolicy, ProfessionId, Role } from '@kindred/domain';

/** A clinician's account and profile. Email is unique case-insensitively (index on lower(email)). */
@Entity('users')
export class UserEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('text')
  email!: string;

  @Column('text', { name: 'password_hash', select: false })
  passwordHash!: string;

  @Column('text', { name: 'display_name' })
  displayName!: string;

  @Column('text')
  profession!: ProfessionId;

  @Column('text', { nullable: true })
  specialty!: string | null;

  @Column('text', { nullable: true })
  organisation!: string | null;

  @Column('text', { nullable: true })
  bio!: string | null;

  @Column('text', { default: 'clinician' })
  role!: Role;

  /** Who may send a first direct message: 'anyone', 'shared-theme' or 'nobody'. */
  @Column('text', { name: 'message_policy', default: 'anyone' })
  messagePolicy!: MessagePolicy;

  /** Also email unread messages in a digest. */
  @Column('boolean', { name: 'message_email_digest', default: false })
  messageEmailDigest!: boolean;

  /** Set by a moderator: the account can no longer sign in and its tokens stop working at once. */
  @Column('timestamptz', { name: 'suspended_at', nullable: true })
  suspendedAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
